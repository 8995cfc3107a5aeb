using CsCheck;
using WasmMarshal.Allocation.Algorithms;
using Xunit;

namespace WasmMarshal.Tests.Allocation;

public sealed class BumpArenaTests
{
    [Fact]
    public void Allocations_are_aligned_disjoint_inside_the_range_and_reset_releases_them() =>
        Gen.Select(Gen.UInt[0, 5000], Gen.Int[0, 12]).Array[1, 200].Sample(steps =>
        {
            var arena = new BumpArena(1000, 64 * 1024);
            ulong previousEnd = arena.Start;
            ulong mark = arena.Mark;
            foreach (var (size, alignLog2) in steps)
            {
                uint alignment = 1u << alignLog2;
                if (!arena.TryAllocate(size, alignment, out uint address))
                {
                    Assert.True(arena.FreeBytes < size + alignment);
                    continue;
                }

                Assert.Equal(0u, address % alignment);
                Assert.True(address >= previousEnd);
                Assert.True(address + (ulong)size <= arena.End);
                previousEnd = address + (ulong)System.Math.Max(size, 1u);
            }

            arena.Reset(mark);
            Assert.Equal(0ul, arena.BytesInUse);
        }, iter: 2000);
}
