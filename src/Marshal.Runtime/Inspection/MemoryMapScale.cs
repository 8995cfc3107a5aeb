namespace WasmMarshal.Inspection;

/// <summary>Which bars <see cref="MemoryMapSvg"/> draws.</summary>
public enum MemoryMapScale
{
    /// <summary>A bar to scale next to a bar where each region's height grows with the logarithm of its size, joined by connectors.</summary>
    Both,

    /// <summary>Only the bar to scale: height proportional to size. Small regions on a large memory become invisible.</summary>
    Linear,

    /// <summary>
    /// Only the logarithmic bar: every region at least 16 px high plus a share proportional to log2 of its size, so a
    /// 1 KiB segment on a 16 MiB memory stays visible. Boundaries and labels keep the exact addresses.
    /// </summary>
    Logarithmic,
}
