using System;
using System.Collections.Generic;
using System.Linq;

namespace WasmMarshal.Inspection;

/// <summary>
/// Keeps a gap-free partition of memory and paints layers over it: each painted region replaces whatever was under it.
/// A layer's regions must not overlap each other; a layer of n regions costs one pass over the partition.
/// </summary>
internal sealed class RegionPainter
{
    private List<Piece> _pieces;
    private int _nextSource = 1;

    public RegionPainter(MemoryRegion background) => _pieces = background.Range.Size > 0 ? [new Piece(background, 0)] : [];

    public void Paint(IEnumerable<MemoryRegion> layer)
    {
        var overlay = layer.Where(r => r.Range.Size > 0)
            .OrderBy(r => r.Range.Start)
            .Select(r => new Piece(r, _nextSource++))
            .ToList();
        if (overlay.Count == 0)
        {
            return;
        }

        var result = new List<Piece>(_pieces.Count + overlay.Count * 2);
        int next = 0;
        foreach (var piece in _pieces)
        {
            ulong position = piece.Region.Range.Start, end = piece.Region.Range.End;
            while (position < end)
            {
                while (next < overlay.Count && overlay[next].Region.Range.End <= position)
                {
                    next++;
                }

                if (next < overlay.Count && overlay[next].Region.Range.Start <= position)
                {
                    ulong stop = Math.Min(overlay[next].Region.Range.End, end);
                    result.Add(overlay[next].Slice(position, stop));
                    position = stop;
                }
                else
                {
                    ulong stop = next < overlay.Count ? Math.Min(overlay[next].Region.Range.Start, end) : end;
                    result.Add(piece.Slice(position, stop));
                    position = stop;
                }
            }
        }

        _pieces = result;
    }

    /// <summary>The partition, with neighbours of the same kind and label merged and their blocks counted.</summary>
    public IReadOnlyList<MemoryRegion> Finish()
    {
        var merged = new List<MemoryRegion>();
        int lastSource = -1;
        foreach (var piece in _pieces)
        {
            if (merged.Count > 0 && merged[^1] is { } last && last.Kind == piece.Region.Kind && last.Label == piece.Region.Label)
            {
                merged[^1] = last with
                {
                    Range = new AddressRange(last.Range.Start, piece.Region.Range.End),
                    Blocks = last.Blocks + (piece.Source == lastSource ? 0 : 1),
                };
            }
            else
            {
                merged.Add(piece.Region with { Blocks = 1 });
            }

            lastSource = piece.Source;
        }

        return merged;
    }

    private readonly record struct Piece(MemoryRegion Region, int Source)
    {
        public Piece Slice(ulong start, ulong end) => this with { Region = Region with { Range = new AddressRange(start, end) } };
    }
}
