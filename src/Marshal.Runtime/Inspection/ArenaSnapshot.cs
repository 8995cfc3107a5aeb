using System.Collections.Generic;

namespace WasmMarshal.Inspection;

/// <summary>An arena (<see cref="Allocators.ArenaAllocator"/>) at one moment: its chunks and how much of each is in use.</summary>
/// <param name="Name">The allocator's name, which says where its chunks come from.</param>
/// <param name="Chunks">Every chunk, in the order obtained.</param>
public sealed record ArenaSnapshot(string Name, IReadOnlyList<(uint Start, uint Size, uint BytesInUse)> Chunks);
