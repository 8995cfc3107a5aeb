using System;
using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;
using WasmMarshal.Allocators.Regions;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

[WasmImport]
public partial interface IStressGuest
{
    ulong Stress(ReadOnlySpan<byte> input, uint seed, uint rounds);
}

[WasmExport("env")]
public partial interface IChurnHost
{
    void Churn(uint round);
}

/// <summary>
/// The host heap beside a guest that mallocs and frees heavily with its own dlmalloc, in the same calls: the guest
/// calls back into the host in the middle of every round, and the host allocates, frees and checks its own blocks
/// there. Every byte on both sides is checked every round.
/// </summary>
public sealed class HeapCoexistenceTests
{
    [Theory]
    [InlineData(HostHeapRegion.GuestBlocks)]
    [InlineData(HostHeapRegion.MemoryGrow)]
    public void The_host_heap_and_the_guest_malloc_never_share_a_byte(HostHeapRegion region)
    {
        var churn = new ChurnHost(seed: 7);
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("heap_stress"))
            .Export<IChurnHost>(churn)
            .WithAllocator(GuestAllocatorSource.HostHeap(region, 64 * 1024))
            .Instantiate();
        var heap = Assert.IsType<HostHeapAllocator>(guest.Allocator);
        churn.Attach(guest, heap);

        var input = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 13 + 1)).ToArray();
        var stress = guest.Import<IStressGuest>();
        for (uint call = 0; call < 3; call++)
        {
            ulong verified = stress.Stress(input, seed: 1000 + call, rounds: 40);
            Assert.True(verified > 40ul * (ulong)input.Length, $"the guest found corrupted bytes in call {call} (verified {verified})");
        }

        Assert.True(churn.VerifiedBytes > 1_000_000, $"the host checked only {churn.VerifiedBytes} bytes");
        churn.FreeAll();
        heap.Heap.Validate();
        Assert.Equal(0ul, heap.GetStatistics().BytesInUse);
        if (region == HostHeapRegion.GuestBlocks)
        {
            Assert.IsType<GuestBlockRegionSource>(heap.Source);
        }
    }

    [Fact]
    public void Growing_memory_under_dlmalloc_before_its_first_malloc_is_the_clobbering_the_seed_described()
    {
        // The hazard the MemoryGrow region avoids by making the guest allocate once first: wasi-libc's dlmalloc
        // claims everything from __heap_base to the end of memory on its first malloc, pages the host grew included.
        var churn = new ChurnHost(seed: 3);
        HostHeapAllocator? heap = null;
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("heap_stress"))
            .Export<IChurnHost>(churn)
            .WithAllocator(GuestAllocatorSource.Custom(g => heap = new HostHeapAllocator(g.Memory, new MemoryGrowRegionSource(g.Memory.Memory))))
            .Instantiate();
        churn.Attach(guest, guest.Allocator);

        var input = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 13 + 1)).ToArray();
        ulong verified;
        try
        {
            verified = guest.Import<IStressGuest>().Stress(input, seed: 5, rounds: 20);
        }
        catch (WasmHostCallbackException ex) when (ex.InnerException is CorruptionException)
        {
            verified = 0; // the host saw its own blocks overwritten first
        }

        Assert.Equal(0ul, verified);
    }

    private sealed class CorruptionException(string message) : Exception(message);

    /// <summary>The host side of the churn: host-heap blocks with patterns, checked and replaced every round.</summary>
    private sealed class ChurnHost(int seed) : IChurnHost
    {
        private readonly Random _random = new(seed);
        private readonly List<(uint Address, uint Size, byte Tag)> _live = new();
        private WasmGuest? _guest;
        private IGuestAllocator? _heap;
        private byte _nextTag;

        public long VerifiedBytes { get; private set; }

        public void Attach(WasmGuest guest, IGuestAllocator heap) => (_guest, _heap) = (guest, heap);

        public void Churn(uint round)
        {
            Check();
            for (int i = _live.Count - 1; i >= 0; i--)
            {
                if (_random.Next(2) == 0)
                {
                    _heap!.Free(_live[i].Address, _live[i].Size, 8);
                    _live.RemoveAt(i);
                }
            }

            for (int k = 0; k < 3; k++)
            {
                uint size = _random.Next(4) == 0 ? (uint)_random.Next(20_000, 150_000) : (uint)_random.Next(1, 300);
                uint address = _heap!.Allocate(size, 8); // may grow memory: no view is held across it
                byte tag = ++_nextTag;
                Pattern(_guest!.Memory.View().Bytes(address, size, "churn", "fill"), tag, fill: true);
                _live.Add((address, size, tag));
            }

            Check();
        }

        public void FreeAll()
        {
            Check();
            foreach (var (address, size, _) in _live)
            {
                _heap!.Free(address, size, 8);
            }

            _live.Clear();
        }

        private void Check()
        {
            var view = _guest!.Memory.View();
            foreach (var (address, size, tag) in _live)
            {
                Pattern(view.Bytes(address, size, "churn", "check"), tag, fill: false);
                VerifiedBytes += size;
            }
        }

        private static void Pattern(Span<byte> bytes, byte tag, bool fill)
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                byte expected = (byte)(tag * 31 + i * 5 + (i >> 9));
                if (fill)
                {
                    bytes[i] = expected;
                }
                else if (bytes[i] != expected)
                {
                    throw new CorruptionException($"host block tagged {tag} was overwritten at offset {i}");
                }
            }
        }
    }
}
