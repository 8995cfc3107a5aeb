using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Generators.Abi.Canonical;
using WasmMarshal.Generators.Marshalling;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Emit.Canonical;

/// <summary>
/// The expressions that convert one WIT value between its C# type and Wasmtime .NET's dynamic <c>ComponentValue</c>,
/// for the component-model stubs (the fallback path). Everything is one expression: a value used more than once is
/// named by a static lambda parameter (<c>ComponentValues.With</c>), so nothing is evaluated twice and no statement
/// order matters. Enum, flags and variant labels are static string arrays of the stub, declared once per type.
/// </summary>
internal sealed class ComponentModelCode
{
    public const string Values = "global::WasmMarshal.Components.ComponentValues";
    private const string Cv = "global::Wasmtime.Components.ComponentValue";
    private const string Canonical = "global::WasmMarshal.Canonical.CanonicalValue";
    private const string M = Locals.Method;

    private readonly string _fieldPrefix;
    private readonly Dictionary<string, (string Field, IReadOnlyList<string> Labels)> _labels = new();
    private int _temps;

    /// <param name="fieldPrefix">The name stem of the label arrays' static fields.</param>
    /// <param name="types">Every WIT type the methods use, so that the label arrays are known before any method is written.</param>
    public ComponentModelCode(string fieldPrefix, IEnumerable<WitType> types)
    {
        _fieldPrefix = fieldPrefix;
        foreach (var t in types)
        {
            Collect(t);
        }
    }

    /// <summary>The static string arrays to declare: field name and labels.</summary>
    public IEnumerable<(string Field, IReadOnlyList<string> Labels)> LabelFields => _labels.Values;

    private void Collect(WitType t)
    {
        if (t.Kind is WitKind.Enum or WitKind.Flags or WitKind.Variant)
        {
            Labels(t);
        }

        if (t.Element is { } element)
        {
            Collect(element);
        }

        foreach (var f in t.Fields)
        {
            Collect(f.Type);
        }

        foreach (var c in t.Cases)
        {
            foreach (var f in c.Payload)
            {
                Collect(f.Type);
            }
        }
    }

    private string Temp(string stem) => "__" + stem + _temps++;

    /// <summary>The static array of labels (enum, flags) or case names (variant) of <paramref name="t"/>.</summary>
    private string Labels(WitType t)
    {
        string key = t.Kind + ":" + t.CSharp;
        if (!_labels.TryGetValue(key, out var entry))
        {
            entry = (_fieldPrefix + _labels.Count, t.Cases.Select(c => c.WitName).ToList());
            _labels[key] = entry;
        }

        return entry.Field;
    }

    // ---- C# to ComponentValue ----

    /// <summary>The <c>ComponentValue</c> expression of the C# value <paramref name="v"/>.</summary>
    public string Lower(WitType t, string v, string param)
    {
        string p = Lowering.Literal(param);
        switch (t.Kind)
        {
            case WitKind.Bool: return $"{Cv}.Bool({v})";
            case WitKind.S8: return $"{Cv}.S8({v})";
            case WitKind.U8: return $"{Cv}.U8({v})";
            case WitKind.S16: return $"{Cv}.S16({v})";
            case WitKind.U16: return $"{Cv}.U16({v})";
            case WitKind.S32: return $"{Cv}.S32({v})";
            case WitKind.U32: return $"{Cv}.U32({v})";
            case WitKind.S64: return $"{Cv}.S64({v})";
            case WitKind.U64: return $"{Cv}.U64({v})";
            case WitKind.F32: return $"{Cv}.F32({v})";
            case WitKind.F64: return $"{Cv}.F64({v})";
            case WitKind.Char: return $"{Cv}.Char({v})";
            case WitKind.String: return $"{Values}.String({v}, {p})";
            case WitKind.Enum:
                return $"{Values}.Enum({Canonical}.LowerDiscriminant(unchecked((uint){v}), {t.Cases.Count}u, {M}, {p}), {Labels(t)})";
            case WitKind.Flags:
                return $"{Values}.Flags({Canonical}.LowerFlags(unchecked((uint){v}), {FlagsMask(t)}, {M}, {p}), {Labels(t)})";
            case WitKind.List:
            {
                string e = Temp("e");
                string lower = $"static {e} => {Lower(t.Element!, e, param)}";
                return t.List == ListForm.ReadOnlySpan
                    ? $"{Values}.ListOfSpan<{t.Element!.CSharp}>({v}, {lower})"
                    : $"{Values}.ListOf<{t.Element!.CSharp}>({v}, {p}, {lower})";
            }

            case WitKind.Record:
                return $"{Values}.Record({string.Join(", ", t.Fields.Select(f => $"{Values}.Field({Lowering.Literal(f.WitName)}, {Lower(f.Type, v + "." + f.Member, param)})"))})";
            case WitKind.Tuple:
                return $"{Values}.Tuple({string.Join(", ", t.Fields.Select(f => Lower(f.Type, v + "." + f.Member, param)))})";
            case WitKind.Option:
            {
                string some = Temp("o");
                return $"({v} is {{ }} {some} ? {Cv}.Some({Lower(t.Element!, some, param)}) : {Cv}.None())";
            }

            case WitKind.Result:
            {
                var arms = t.Cases.Select((c, index) =>
                {
                    string value = Temp("r");
                    string payload = c.Payload.Count == 0 ? "null" : Lower(c.Payload[0].Type, value + "." + c.Payload[0].Member, param);
                    return $"{c.CSharp} {value} => {Values}.{(index == 0 ? "Ok" : "Error")}({payload})";
                });
                return $"({v} switch {{ {string.Join(", ", arms)}, _ => {Values}.NullArgument({p}) }})";
            }

            default:
            {
                // A variant: each case by its C# case type; several positional values travel as one tuple payload.
                var payloads = WitLayout.CasePayloads(t);
                var arms = t.Cases.Select((c, index) =>
                {
                    string value = Temp("c");
                    var payload = payloads[index];
                    string name = Lowering.Literal(c.WitName);
                    string arguments = string.Concat(payload.Select(f => ", " + Lower(f.Type, value + "." + f.Member, param)));
                    return $"{c.CSharp} {value} => {Values}.Case({name}{arguments})";
                });
                return $"({v} switch {{ {string.Join(", ", arms)}, _ => {Values}.NullArgument({p}) }})";
            }
        }
    }

    private static string FlagsMask(WitType t) => "0x" + (t.Cases.Count == 32 ? 0xFFFFFFFFul : (1ul << t.Cases.Count) - 1).ToString("X") + "u";

    // ---- ComponentValue to C# ----

    /// <summary>
    /// The C# expression of the <c>ComponentValue</c> <paramref name="v"/> (an identifier or a side-effect-free
    /// expression), of type <see cref="WitType.CSharp"/>.
    /// </summary>
    public string Lift(WitType t, string v, string param)
    {
        string p = Lowering.Literal(param);
        switch (t.Kind)
        {
            case WitKind.Bool: return $"{v}.AsBool()";
            case WitKind.S8: return $"{v}.AsS8()";
            case WitKind.U8: return $"{v}.AsU8()";
            case WitKind.S16: return $"{v}.AsS16()";
            case WitKind.U16: return $"{v}.AsU16()";
            case WitKind.S32: return $"{v}.AsS32()";
            case WitKind.U32: return $"{v}.AsU32()";
            case WitKind.S64: return $"{v}.AsS64()";
            case WitKind.U64: return $"{v}.AsU64()";
            case WitKind.F32: return $"{v}.AsF32()";
            case WitKind.F64: return $"{v}.AsF64()";
            case WitKind.Char: return $"{v}.AsRune()";
            case WitKind.String: return $"{v}.AsString()";
            case WitKind.Enum: return $"({t.CSharp}){Values}.EnumIndex({v}, {Labels(t)}, {M}, {p})";
            case WitKind.Flags: return $"({t.CSharp}){Values}.FlagBits({v}, {Labels(t)}, {M}, {p})";
            case WitKind.List:
            {
                string e = Temp("e");
                return $"{Values}.Array<{t.Element!.CSharp}>({v}, static {e} => {Lift(t.Element!, e, param)})";
            }

            case WitKind.Record:
            {
                string r = Temp("v");
                var fields = t.Fields.Select(f => Lift(f.Type, $"{Values}.Field({r}, {Lowering.Literal(f.WitName)}, {M}, {p})", param));
                return With(v, r, t.CSharp, $"new {t.CSharp}({string.Join(", ", fields)})");
            }

            case WitKind.Tuple:
            {
                string items = Temp("i");
                var values = t.Fields.Select((f, i) => Lift(f.Type, $"{items}[{i}]", param)).ToList();
                string tuple = values.Count == 1 ? $"global::System.ValueTuple.Create({values[0]})" : "(" + string.Join(", ", values) + ")";
                return $"{Values}.With<global::System.Collections.Generic.IReadOnlyList<{Cv}>, {t.CSharp}>({Values}.Items({v}, {values.Count}, {M}, {p}), static {items} => {tuple})";
            }

            case WitKind.Option:
            {
                string o = Temp("v");
                string some = Lift(t.Element!, $"{Values}.Payload({o}, {M}, {p})", param);
                return With(v, o, t.CSharp, $"{Values}.IsSome({o}, {M}, {p}) ? ({t.CSharp}){some} : null");
            }

            case WitKind.Result:
            {
                string r = Temp("v");
                string Case(WitCase c) => c.Payload.Count == 0
                    ? $"new {c.CSharp}(default)"
                    : $"new {c.CSharp}({Lift(c.Payload[0].Type, $"{Values}.Payload({r}, {M}, {p})", param)})";
                return With(v, r, t.CSharp, $"{Values}.IsOk({r}, {M}, {p}) ? ({t.CSharp}){Case(t.Cases[0])} : {Case(t.Cases[1])}");
            }

            default:
            {
                string c = Temp("v");
                var payloads = WitLayout.CasePayloads(t);
                var arms = t.Cases.Select((@case, index) =>
                {
                    var payload = payloads[index];
                    string value;
                    if (payload.Count == 0)
                    {
                        value = $"new {@case.CSharp}()";
                    }
                    else if (payload.Count == 1)
                    {
                        value = $"new {@case.CSharp}({Lift(payload[0].Type, $"{Values}.Payload({c}, {M}, {p})", param)})";
                    }
                    else
                    {
                        string items = Temp("i");
                        var values = payload.Select((f, i) => Lift(f.Type, $"{items}[{i}]", param));
                        value = $"{Values}.With<global::System.Collections.Generic.IReadOnlyList<{Cv}>, {t.CSharp}>({Values}.Items({Values}.Payload({c}, {M}, {p}), {payload.Count}, {M}, {p}), static {items} => new {@case.CSharp}({string.Join(", ", values)}))";
                    }

                    return $"{(index == t.Cases.Count - 1 ? "_" : index.ToString(System.Globalization.CultureInfo.InvariantCulture))} => ({t.CSharp}){value}";
                });
                return With(v, c, t.CSharp, $"{Values}.CaseIndex({c}, {Labels(t)}, {M}, {p}) switch {{ {string.Join(", ", arms)} }}");
            }
        }
    }

    private static string With(string value, string name, string type, string body) =>
        $"{Values}.With<{Cv}, {type}>({value}, static {name} => {body})";
}
