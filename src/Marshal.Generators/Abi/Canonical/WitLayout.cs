using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Abi.Canonical;

/// <summary>
/// CanonicalABI.md's <c>size</c>, <c>alignment</c>, <c>flatten_type</c> and the variant join, for a <see cref="WitType"/>:
/// everything here becomes a compile-time constant of the generated code.
/// </summary>
internal static class WitLayout
{
    public static int Align(WitType t) => t.Kind switch
    {
        WitKind.Bool or WitKind.S8 or WitKind.U8 => 1,
        WitKind.S16 or WitKind.U16 => 2,
        WitKind.S32 or WitKind.U32 or WitKind.F32 or WitKind.Char or WitKind.String or WitKind.List => 4,
        WitKind.S64 or WitKind.U64 or WitKind.F64 => 8,
        WitKind.Record or WitKind.Tuple => RecordAlign(t.Fields),
        WitKind.Flags => FlagsSize(t.Cases.Count) == 0 ? 1 : FlagsSize(t.Cases.Count),
        _ => System.Math.Max(DiscriminantSize(CaseCount(t)), MaxCaseAlign(t)),
    };

    public static int Size(WitType t) => t.Kind switch
    {
        WitKind.Bool or WitKind.S8 or WitKind.U8 => 1,
        WitKind.S16 or WitKind.U16 => 2,
        WitKind.S32 or WitKind.U32 or WitKind.F32 or WitKind.Char => 4,
        WitKind.S64 or WitKind.U64 or WitKind.F64 or WitKind.String or WitKind.List => 8,
        WitKind.Record or WitKind.Tuple => RecordSize(t.Fields),
        WitKind.Flags => FlagsSize(t.Cases.Count),
        _ => AlignTo(PayloadOffset(t) + MaxCaseSize(t), Align(t)),
    };

    /// <summary>The offset of each field of a record (or of a case's positional values, laid out as a tuple).</summary>
    public static int[] Offsets(IReadOnlyList<WitField> fields)
    {
        var offsets = new int[fields.Count];
        int at = 0;
        for (int i = 0; i < fields.Count; i++)
        {
            at = AlignTo(at, Align(fields[i].Type));
            offsets[i] = at;
            at += Size(fields[i].Type);
        }

        return offsets;
    }

    public static int RecordSize(IReadOnlyList<WitField> fields)
    {
        if (fields.Count == 0)
        {
            return 0;
        }

        var offsets = Offsets(fields);
        return AlignTo(offsets[fields.Count - 1] + Size(fields[fields.Count - 1].Type), RecordAlign(fields));
    }

    public static int RecordAlign(IReadOnlyList<WitField> fields) => fields.Count == 0 ? 1 : fields.Max(f => Align(f.Type));

    /// <summary>The number of cases of an enum, variant, option (2) or result (2).</summary>
    public static int CaseCount(WitType t) => t.Kind == WitKind.Option ? 2 : t.Cases.Count;

    /// <summary>1, 2 or 4 bytes by case count (CanonicalABI.md <c>discriminant_type</c>).</summary>
    public static int DiscriminantSize(int cases) => cases <= 256 ? 1 : cases <= 65536 ? 2 : 4;

    /// <summary>0, 1, 2 or 4 bytes by label count.</summary>
    public static int FlagsSize(int labels) => labels == 0 ? 0 : labels <= 8 ? 1 : labels <= 16 ? 2 : 4;

    /// <summary>Where the payload of a variant-like type starts: after the discriminant, at the largest case alignment.</summary>
    public static int PayloadOffset(WitType t) => AlignTo(DiscriminantSize(CaseCount(t)), MaxCaseAlign(t));

    /// <summary>The positional values of each case (an option's none and some).</summary>
    public static IReadOnlyList<IReadOnlyList<WitField>> CasePayloads(WitType t) => t.Kind switch
    {
        WitKind.Option => new IReadOnlyList<WitField>[] { new WitField[0], new[] { new WitField("Value", "", t.Element!) } },
        WitKind.Enum => t.Cases.Select(_ => (IReadOnlyList<WitField>)new WitField[0]).ToList(),
        _ => t.Cases.Select(c => (IReadOnlyList<WitField>)c.Payload.ToList()).ToList(),
    };

    private static int MaxCaseAlign(WitType t) => CasePayloads(t).Select(p => RecordAlign(p)).DefaultIfEmpty(1).Max();

    private static int MaxCaseSize(WitType t) => CasePayloads(t).Select(p => RecordSize(p)).DefaultIfEmpty(0).Max();

    public static int AlignTo(int value, int align) => (value + align - 1) / align * align;

    /// <summary>CanonicalABI.md <c>flatten_type</c>.</summary>
    public static List<CoreType> Flatten(WitType t)
    {
        var flat = new List<CoreType>();
        Flatten(t, flat);
        return flat;
    }

    private static void Flatten(WitType t, List<CoreType> flat)
    {
        switch (t.Kind)
        {
            case WitKind.S64 or WitKind.U64:
                flat.Add(CoreType.I64);
                break;
            case WitKind.F32:
                flat.Add(CoreType.F32);
                break;
            case WitKind.F64:
                flat.Add(CoreType.F64);
                break;
            case WitKind.String or WitKind.List:
                flat.Add(CoreType.I32);
                flat.Add(CoreType.I32);
                break;
            case WitKind.Record or WitKind.Tuple:
                foreach (var f in t.Fields)
                {
                    Flatten(f.Type, flat);
                }

                break;
            case WitKind.Flags:
                if (t.Cases.Count > 0)
                {
                    flat.Add(CoreType.I32);
                }

                break;
            case WitKind.Variant or WitKind.Option or WitKind.Result or WitKind.Enum:
                flat.Add(CoreType.I32);
                flat.AddRange(JoinedPayload(t));
                break;
            default:
                flat.Add(CoreType.I32);
                break;
        }
    }

    /// <summary>The flat payload of a variant-like type: slot by slot, the join of what the cases put there.</summary>
    public static List<CoreType> JoinedPayload(WitType t)
    {
        var joined = new List<CoreType>();
        foreach (var payload in CasePayloads(t))
        {
            var flat = FlattenFields(payload);
            for (int i = 0; i < flat.Count; i++)
            {
                if (i < joined.Count)
                {
                    joined[i] = Join(joined[i], flat[i]);
                }
                else
                {
                    joined.Add(flat[i]);
                }
            }
        }

        return joined;
    }

    public static List<CoreType> FlattenFields(IReadOnlyList<WitField> fields)
    {
        var flat = new List<CoreType>();
        foreach (var f in fields)
        {
            Flatten(f.Type, flat);
        }

        return flat;
    }

    /// <summary>CanonicalABI.md <c>join</c>: equal types stay, i32 with f32 is i32, anything else is i64.</summary>
    public static CoreType Join(CoreType a, CoreType b) =>
        a == b ? a
        : (a, b) is (CoreType.I32, CoreType.F32) or (CoreType.F32, CoreType.I32) ? CoreType.I32
        : CoreType.I64;
}
