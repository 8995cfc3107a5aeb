using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Generators.Abi.Canonical;
using WasmMarshal.Generators.Marshalling;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Emit.Canonical;

/// <summary>
/// The statements and expressions that lower and lift one WIT value, written into a method body: to and from flat core
/// values, and to and from guest memory at a canonical offset. Sizes, alignments, offsets, case counts and flag masks
/// are literals; the runtime's Canonical helpers do the checked work. Every local is a numbered <c>__t</c>, so nothing
/// collides with the stub's <c>__a0</c>... parameters or another value's locals.
/// </summary>
/// <remarks>
/// Memory is written through a fresh view per store (<c>realloc</c> may grow memory between two stores), and read through
/// one view taken after the last call into the guest.
/// </remarks>
internal sealed class CanonicalCode
{
    public const string Value = "global::WasmMarshal.Canonical.CanonicalValue";
    public const string Strings = "global::WasmMarshal.Canonical.CanonicalString";
    public const string Lists = "global::WasmMarshal.Canonical.CanonicalList";
    public const string Areas = "global::WasmMarshal.Canonical.CanonicalReturnArea";
    private const string M = Locals.Method;

    private readonly SourceWriter _w;
    private readonly string _memory;
    private readonly string _realloc;
    private readonly string _encoding;
    private int _temps;

    /// <param name="memory">The <c>GuestMemory</c> expression.</param>
    /// <param name="realloc">The <c>CanonicalRealloc</c> expression.</param>
    /// <param name="encoding">The <c>CanonicalStringEncoding</c> expression.</param>
    public CanonicalCode(SourceWriter writer, string memory, string realloc, string encoding)
    {
        _w = writer;
        _memory = memory;
        _realloc = realloc;
        _encoding = encoding;
    }

    private string Temp() => "__t" + _temps++;

    // ---- lowering to flat core values ----

    /// <summary>Lowers <paramref name="v"/> to its flat core values (int, long, float, double expressions), in order.</summary>
    public List<string> LowerFlat(WitType t, string v, string param)
    {
        string p = Lowering.Literal(param);
        switch (t.Kind)
        {
            case WitKind.Bool: return new() { $"{Value}.LowerBool({v})" };
            case WitKind.S8 or WitKind.U8 or WitKind.S16 or WitKind.U16: return new() { $"(int){v}" };
            case WitKind.S32 or WitKind.S64 or WitKind.F32 or WitKind.F64: return new() { v };
            case WitKind.U32: return new() { $"unchecked((int){v})" };
            case WitKind.Enum: return new() { $"{Value}.LowerDiscriminant(unchecked((uint){v}), {t.Cases.Count}u, {M}, {p})" };
            case WitKind.Flags: return new() { $"{Value}.LowerFlags(unchecked((uint){v}), {FlagsMask(t)}, {M}, {p})" };
            case WitKind.U64: return new() { $"unchecked((long){v})" };
            case WitKind.Char: return new() { $"{Value}.LowerChar({v})" };
            case WitKind.String:
            {
                string s = Temp();
                _w.Line($"var {s} = {Strings}.Lower({v}, {_encoding}, {_realloc}, {M}, {p});");
                return new() { $"unchecked((int){s}.Pointer)", $"unchecked((int){s}.CodeUnits)" };
            }

            case WitKind.List:
            {
                var (pointer, count) = LowerList(t, v, p);
                return new() { $"unchecked((int){pointer})", $"unchecked((int){count})" };
            }

            case WitKind.Record or WitKind.Tuple:
                return t.Fields.SelectMany(f => LowerFlat(f.Type, v + "." + f.Member, param)).ToList();
            default:
                return LowerFlatVariant(t, v, param);
        }
    }

    private List<string> LowerFlatVariant(WitType t, string v, string param)
    {
        var joined = WitLayout.JoinedPayload(t);
        string d = Temp();
        _w.Line($"int {d} = 0;");
        var slots = new List<string>();
        foreach (var type in joined)
        {
            string slot = Temp();
            _w.Line($"{type.ClrType()} {slot} = 0;");
            slots.Add(slot);
        }

        EachCase(t, v, Lowering.Literal(param), (index, caseValue, payload) =>
        {
            if (index != 0)
            {
                _w.Line($"{d} = {index};");
            }

            var flat = payload.SelectMany(f => LowerFlat(f.Type, Member(caseValue, f), param)).ToList();
            var have = WitLayout.FlattenFields(payload);
            for (int i = 0; i < flat.Count; i++)
            {
                _w.Line($"{slots[i]} = {Widen(flat[i], have[i], joined[i])};");
            }
        });

        return new[] { d }.Concat(slots).ToList();
    }

    /// <summary>
    /// Writes the case analysis of a variant-like value: <paramref name="body"/> is called inside each case's block with
    /// the case index, the expression of the case value and its positional fields. A null variant is an argument error.
    /// </summary>
    private void EachCase(WitType t, string v, string p, System.Action<int, string, IReadOnlyList<WitField>> body)
    {
        var payloads = WitLayout.CasePayloads(t);
        if (t.Kind == WitKind.Enum)
        {
            throw new System.InvalidOperationException("enums lower as their discriminant");
        }

        if (t.Kind == WitKind.Option)
        {
            string some = Temp();
            _w.Open($"if ({v} is {{ }} {some})");
            body(1, some, new[] { new WitField("", "", t.Element!) });
            _w.Close();
            return;
        }

        for (int index = 0; index < t.Cases.Count; index++)
        {
            string c = Temp();
            _w.Open($"{(index == 0 ? "" : "else ")}if ({v} is {t.Cases[index].CSharp} {c})");
            body(index, c, payloads[index]);
            _w.Close();
        }

        _w.Open("else");
        _w.Line($"throw new global::System.ArgumentNullException({p});");
        _w.Close();
    }

    /// <summary>A positional field of a case value; the payload of an option is the value itself.</summary>
    private static string Member(string value, WitField field) => field.Member.Length == 0 ? value : value + "." + field.Member;

    /// <summary>A case value put into a joined flat slot (CanonicalABI.md <c>lower_flat_variant</c>).</summary>
    private static string Widen(string value, CoreType have, CoreType want) => (have, want) switch
    {
        _ when have == want => value,
        (CoreType.F32, CoreType.I32) => $"{Value}.F32ToBits({value})",
        (CoreType.I32, CoreType.I64) => $"unchecked((long)(uint)({value}))",
        (CoreType.F32, CoreType.I64) => $"unchecked((long)(uint){Value}.F32ToBits({value}))",
        _ => $"global::System.BitConverter.DoubleToInt64Bits({value})",
    };

    /// <summary>A joined flat slot read back as what the case put there (CanonicalABI.md <c>lift_flat_variant</c>).</summary>
    private static string Narrow(string value, CoreType have, CoreType want) => (have, want) switch
    {
        _ when have == want => value,
        (CoreType.F32, CoreType.I32) => $"{Value}.F32FromBits({value})",
        (CoreType.I32, CoreType.I64) => $"unchecked((int)({value}))",
        (CoreType.F32, CoreType.I64) => $"{Value}.F32FromBits(unchecked((int)({value})))",
        _ => $"global::System.BitConverter.Int64BitsToDouble({value})",
    };

    /// <summary>Lowers a list into a buffer from realloc; returns the locals of its pointer and count (uint).</summary>
    private (string Pointer, string Count) LowerList(WitType t, string v, string p)
    {
        var element = t.Element!;
        if (t.List != ListForm.ReadOnlySpan)
        {
            _w.Line($"global::System.ArgumentNullException.ThrowIfNull({v}, {p});");
        }

        if (element.IsBulkElement && t.List != ListForm.ReadOnlyList)
        {
            string l = Temp();
            _w.Line($"var {l} = {Lists}.Lower<{element.CSharp}>({v}, {WitLayout.Align(element)}u, {_realloc}, {M}, {p});");
            return (l + ".Pointer", l + ".Count");
        }

        int size = WitLayout.Size(element);
        string n = Temp();
        string array = Temp();
        string i = Temp();
        _w.Line($"int {n} = {v}.{(t.List == ListForm.ReadOnlyList ? "Count" : "Length")};");
        _w.Line($"uint {array} = {Lists}.Allocate((uint){n}, {size}u, {WitLayout.Align(element)}u, {_realloc}, {M}, {p});");
        _w.Open($"for (int {i} = 0; {i} < {n}; {i}++)");
        StoreAt(element, $"{array} + (uint){i} * {size}u", $"{v}[{i}]", p);
        _w.Close();
        return (array, $"(uint){n}");
    }

    // ---- storing into memory ----

    /// <summary>Stores <paramref name="v"/> at the address <paramref name="at"/> (a uint expression).</summary>
    public void Store(WitType t, string at, string v, string param) => StoreAt(t, at, v, Lowering.Literal(param));

    private string Write(string at, string value, string p) => $"{_memory}.View().Write({at}, {value}, {M}, {p});";

    private void StoreAt(WitType t, string at, string v, string p)
    {
        switch (t.Kind)
        {
            case WitKind.Bool:
                _w.Line(Write(at, $"(byte)({v} ? 1 : 0)", p));
                return;
            case WitKind.Char:
                _w.Line(Write(at, $"(uint){v}.Value", p));
                return;
            case WitKind.Enum:
                _w.Line(Write(at, $"unchecked(({DiscriminantType(t)}){Value}.LowerDiscriminant(unchecked((uint){v}), {t.Cases.Count}u, {M}, {p}))", p));
                return;
            case WitKind.Flags:
                _w.Line(Write(at, $"unchecked(({FlagsType(t)}){Value}.LowerFlags(unchecked((uint){v}), {FlagsMask(t)}, {M}, {p}))", p));
                return;
            case WitKind.String:
            {
                string s = Temp();
                _w.Line($"var {s} = {Strings}.Lower({v}, {_encoding}, {_realloc}, {M}, {p});");
                _w.Line($"{Lists}.StorePair({_memory}.View(), {at}, {s}.Pointer, {s}.CodeUnits, {M}, {p});");
                return;
            }

            case WitKind.List:
            {
                var (pointer, count) = LowerList(t, v, p);
                _w.Line($"{Lists}.StorePair({_memory}.View(), {at}, {pointer}, {count}, {M}, {p});");
                return;
            }

            case WitKind.Record or WitKind.Tuple:
            {
                string a = Bind(at);
                var offsets = WitLayout.Offsets(t.Fields);
                for (int f = 0; f < t.Fields.Count; f++)
                {
                    StoreAt(t.Fields[f].Type, Offset(a, offsets[f]), v + "." + t.Fields[f].Member, p);
                }

                return;
            }

            case WitKind.Variant or WitKind.Option or WitKind.Result:
            {
                string a = Bind(at);
                string disc = DiscriminantType(t);
                int payloadAt = WitLayout.PayloadOffset(t);
                if (t.Kind == WitKind.Option)
                {
                    _w.Line(Write(a, $"({disc})0", p));
                }

                EachCase(t, v, p, (index, caseValue, payload) =>
                {
                    _w.Line(Write(a, $"({disc}){index}", p));
                    var offsets = WitLayout.Offsets(payload);
                    for (int f = 0; f < payload.Count; f++)
                    {
                        StoreAt(payload[f].Type, Offset(a, payloadAt + offsets[f]), Member(caseValue, payload[f]), p);
                    }
                });
                return;
            }

            default:
                _w.Line(Write(at, v, p));
                return;
        }
    }

    private string Bind(string at)
    {
        if (IsSimple(at))
        {
            return at;
        }

        string a = Temp();
        _w.Line($"uint {a} = {at};");
        return a;
    }

    private static bool IsSimple(string expression) => expression.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static string Offset(string at, int offset) => offset == 0 ? at : $"{at} + {offset}u";

    /// <summary>The C# type of a variant-like type's stored discriminant (1, 2 or 4 bytes).</summary>
    private static string DiscriminantType(WitType t) => WitLayout.DiscriminantSize(WitLayout.CaseCount(t)) switch
    {
        1 => "byte",
        2 => "ushort",
        _ => "uint",
    };

    private static string FlagsType(WitType t) => WitLayout.FlagsSize(t.Cases.Count) switch
    {
        1 => "byte",
        2 => "ushort",
        _ => "uint",
    };

    private static string FlagsMask(WitType t) => "0x" + (t.Cases.Count == 32 ? 0xFFFFFFFFul : (1ul << t.Cases.Count) - 1).ToString("X") + "u";

    // ---- loading from memory ----

    /// <summary>Loads the value at <paramref name="at"/> through <paramref name="view"/>; returns its expression.</summary>
    public string Load(WitType t, string view, string at, string param) => LoadAt(t, view, at, Lowering.Literal(param));

    private string Read(string view, string type, string at, string p) => $"{view}.Read<{type}>({at}, {M}, {p})";

    private string LoadAt(WitType t, string view, string at, string p)
    {
        switch (t.Kind)
        {
            case WitKind.Bool:
                return $"{Read(view, "byte", at, p)} != 0";
            case WitKind.Char:
                return $"{Value}.LiftChar(unchecked((int){Read(view, "uint", at, p)}), {M}, {p})";
            case WitKind.Enum:
                return $"({t.CSharp}){Value}.LiftDiscriminant({Read(view, DiscriminantType(t), at, p)}, {t.Cases.Count}u, {M}, {p})";
            case WitKind.Flags:
                return $"({t.CSharp}){Value}.LiftFlags({Read(view, FlagsType(t), at, p)}, {FlagsMask(t)}, {M}, {p})";
            case WitKind.String:
                return $"{Strings}.LiftStored({view}, {at}, {_encoding}, {M}, {p})";
            case WitKind.List when t.Element!.IsBulkElement:
                return $"{Lists}.LiftStored<{t.Element.CSharp}>({view}, {at}, {WitLayout.Align(t.Element)}u, {M}, {p})";
            case WitKind.List:
            {
                string a = Bind(at);
                string pointer = Temp();
                string count = Temp();
                _w.Line($"uint {pointer} = {Read(view, "uint", a, p)};");
                _w.Line($"uint {count} = {Read(view, "uint", a + " + 4u", p)};");
                return LiftElements(t, view, pointer, count, p);
            }

            case WitKind.Record or WitKind.Tuple:
            {
                string a = Bind(at);
                var offsets = WitLayout.Offsets(t.Fields);
                var values = new List<string>();
                for (int f = 0; f < t.Fields.Count; f++)
                {
                    string value = Temp();
                    _w.Line($"var {value} = {LoadAt(t.Fields[f].Type, view, Offset(a, offsets[f]), p)};");
                    values.Add(value);
                }

                return Construct(t, values);
            }

            case WitKind.Variant or WitKind.Option or WitKind.Result:
            {
                string a = Bind(at);
                int payloadAt = WitLayout.PayloadOffset(t);
                return LiftCases(t, Read(view, DiscriminantType(t), a, p), p, (payload, index) =>
                {
                    var offsets = WitLayout.Offsets(payload);
                    var values = new List<string>();
                    for (int f = 0; f < payload.Count; f++)
                    {
                        string value = Temp();
                        _w.Line($"var {value} = {LoadAt(payload[f].Type, view, Offset(a, payloadAt + offsets[f]), p)};");
                        values.Add(value);
                    }

                    return values;
                });
            }

            default:
                return Read(view, t.CSharp, at, p);
        }
    }

    /// <summary>A list of non-bulk elements at (pointer, count), checked, lifted element by element.</summary>
    private string LiftElements(WitType t, string view, string pointer, string count, string p)
    {
        var element = t.Element!;
        int size = WitLayout.Size(element);
        _w.Line($"{Lists}.CheckRange({view}, {pointer}, {count}, {size}u, {WitLayout.Align(element)}u, {M}, {p});");
        string array = Temp();
        string i = Temp();
        _w.Line($"var {array} = {NewArray(element, count)};");
        _w.Open($"for (uint {i} = 0; {i} < {count}; {i}++)");
        _w.Line($"{array}[{i}] = {LoadAt(element, view, $"{pointer} + {i} * {size}u", p)};");
        _w.Close();
        return array;
    }

    private static string NewArray(WitType element, string count)
    {
        string type = element.CSharp.TrimEnd('?');
        int rank = type.IndexOf('[');
        return rank < 0 ? $"new {element.CSharp}[{count}]" : $"new {type.Substring(0, rank)}[{count}]{type.Substring(rank)}";
    }

    /// <summary>
    /// The case analysis of a lifted variant-like value: the discriminant is checked against the case count, then
    /// <paramref name="payload"/> produces each case's positional values (inside its block). Returns the local.
    /// </summary>
    private string LiftCases(WitType t, string discriminant, string p, System.Func<IReadOnlyList<WitField>, int, List<string>> payload)
    {
        var payloads = WitLayout.CasePayloads(t);
        string result = Temp();
        _w.Line($"{t.CSharp} {result};");
        switch (t.Kind)
        {
            case WitKind.Option:
                _w.Open($"if ({Value}.LiftOptionIsSome({discriminant}, {M}, {p}))");
                _w.Line($"{result} = {payload(payloads[1], 1)[0]};");
                _w.Close();
                _w.Open("else");
                _w.Line($"{result} = null;");
                _w.Close();
                break;
            case WitKind.Result:
                _w.Open($"if ({Value}.LiftResultIsError({discriminant}, {M}, {p}))");
                _w.Line($"{result} = {CaseValue(t.Cases[1], payload(payloads[1], 1))};");
                _w.Close();
                _w.Open("else");
                _w.Line($"{result} = {CaseValue(t.Cases[0], payload(payloads[0], 0))};");
                _w.Close();
                break;
            default:
                _w.Open($"switch ({Value}.LiftDiscriminant({discriminant}, {t.Cases.Count}u, {M}, {p}))");
                for (int index = 0; index < t.Cases.Count; index++)
                {
                    _w.Open(index == t.Cases.Count - 1 ? "default:" : $"case {index}:");
                    _w.Line($"{result} = {CaseValue(t.Cases[index], payload(payloads[index], index))};");
                    _w.Line("break;");
                    _w.Close();
                }

                _w.Close();
                break;
        }

        return result;
    }

    private static string CaseValue(WitCase c, List<string> values) =>
        $"new {c.CSharp}({(c.Payload.Count == 0 && c.Name is "Ok" or "Error" && c.CSharp.Contains("WitResult") ? "default" : string.Join(", ", values))})";

    private static string Construct(WitType t, List<string> values) => t.Kind == WitKind.Tuple
        ? (values.Count == 1 ? $"global::System.ValueTuple.Create({values[0]})" : "(" + string.Join(", ", values) + ")")
        : $"new {t.CSharp}({string.Join(", ", values)})";

    // ---- lifting from flat core values ----

    /// <summary>
    /// Lifts a value from its flat core values <paramref name="cores"/>, starting at <paramref name="position"/> (moved
    /// past what it used); strings and lists are read through <paramref name="view"/>.
    /// </summary>
    public string LiftFlat(WitType t, IReadOnlyList<string> cores, ref int position, string view, string param)
    {
        string p = Lowering.Literal(param);
        switch (t.Kind)
        {
            case WitKind.Bool: return $"{Value}.LiftBool({cores[position++]})";
            case WitKind.S8 or WitKind.U8 or WitKind.S16 or WitKind.U16 or WitKind.U32 or WitKind.U64:
                return $"unchecked(({t.CSharp}){cores[position++]})";
            case WitKind.S32 or WitKind.S64 or WitKind.F32 or WitKind.F64: return cores[position++];
            case WitKind.Char: return $"{Value}.LiftChar({cores[position++]}, {M}, {p})";
            case WitKind.Enum:
                return $"({t.CSharp}){Value}.LiftDiscriminant(unchecked((uint){cores[position++]}), {t.Cases.Count}u, {M}, {p})";
            case WitKind.Flags:
                return $"({t.CSharp}){Value}.LiftFlags(unchecked((uint){cores[position++]}), {FlagsMask(t)}, {M}, {p})";
            case WitKind.String:
            {
                string pointer = cores[position++];
                string units = cores[position++];
                return $"{Strings}.Lift({view}, unchecked((uint){pointer}), unchecked((uint){units}), {_encoding}, {M}, {p})";
            }

            case WitKind.List:
            {
                string pointer = cores[position++];
                string count = cores[position++];
                if (t.Element!.IsBulkElement)
                {
                    return $"{Lists}.Lift<{t.Element.CSharp}>({view}, unchecked((uint){pointer}), unchecked((uint){count}), {WitLayout.Align(t.Element)}u, {M}, {p})";
                }

                string pointerLocal = Temp();
                string countLocal = Temp();
                _w.Line($"uint {pointerLocal} = unchecked((uint){pointer});");
                _w.Line($"uint {countLocal} = unchecked((uint){count});");
                return LiftElements(t, view, pointerLocal, countLocal, p);
            }

            case WitKind.Record or WitKind.Tuple:
            {
                var values = new List<string>();
                foreach (var f in t.Fields)
                {
                    string value = Temp();
                    _w.Line($"var {value} = {LiftFlat(f.Type, cores, ref position, view, param)};");
                    values.Add(value);
                }

                return Construct(t, values);
            }

            default:
            {
                string discriminant = cores[position++];
                var joined = WitLayout.JoinedPayload(t);
                var slots = cores.Skip(position).Take(joined.Count).ToList();
                position += joined.Count;
                return LiftCases(t, $"unchecked((uint){discriminant})", p, (payload, index) =>
                {
                    var have = WitLayout.FlattenFields(payload);
                    var narrowed = have.Select((type, i) => Narrow(slots[i], type, joined[i])).ToList();
                    int at = 0;
                    var values = new List<string>();
                    foreach (var f in payload)
                    {
                        string value = Temp();
                        _w.Line($"var {value} = {LiftFlat(f.Type, narrowed, ref at, view, param)};");
                        values.Add(value);
                    }

                    return values;
                });
            }
        }
    }
}
