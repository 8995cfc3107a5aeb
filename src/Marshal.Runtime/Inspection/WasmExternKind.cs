namespace WasmMarshal.Inspection;

/// <summary>What an import or export refers to.</summary>
public enum WasmExternKind
{
    /// <summary>A function.</summary>
    Function = 0,

    /// <summary>A table.</summary>
    Table = 1,

    /// <summary>A linear memory.</summary>
    Memory = 2,

    /// <summary>A global.</summary>
    Global = 3,

    /// <summary>An exception tag.</summary>
    Tag = 4,
}
