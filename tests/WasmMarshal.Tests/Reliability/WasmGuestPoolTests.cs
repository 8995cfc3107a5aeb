using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WasmMarshal.Allocators;
using WasmMarshal.Pooling;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace WasmMarshal.Tests.Reliability;

/// <summary>
/// <see cref="WasmGuestPool"/> under threads: every result checked, one user per guest at a time, the bound held,
/// timeouts, cancellation, poisoned guests replaced, disposal.
/// </summary>
public sealed class WasmGuestPoolTests(ITestOutputHelper output)
{
    private static readonly ScratchAllocator[] s_allocators =
        [ScratchAllocator.GuestMalloc, ScratchAllocator.HostHeap, ScratchAllocator.HostHeapOnGrownPages, ScratchAllocator.Arena];

    [Fact]
    public void Eight_threads_share_three_guests_and_every_result_is_right()
    {
        const int threads = 8, callsPerThread = 500, poolSize = 3;
        var fixtures = new ConcurrentDictionary<WasmGuest, TestGuest>();
        int created = 0;
        using var pool = new WasmGuestPool(() =>
        {
            // Each guest on another scratch allocator, so that all of them serve threads.
            var test = TestGuests.MarshalTest(scratch: s_allocators[(Interlocked.Increment(ref created) - 1) % s_allocators.Length]);
            fixtures[test.Guest] = test;
            return test.Guest;
        }, poolSize);

        var users = new ConcurrentDictionary<WasmGuest, int>();
        int rentedNow = 0, maxRented = 0;
        long checkedCalls = 0;
        var clock = Stopwatch.StartNew();
        var failures = new ConcurrentQueue<Exception>();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var random = new Random(t);
            for (int call = 0; call < callsPerThread && failures.IsEmpty; call++)
            {
                try
                {
                    using var lease = pool.Rent(TimeSpan.FromSeconds(30));
                    int rented = Interlocked.Increment(ref rentedNow);
                    InterlockedMax(ref maxRented, rented);
                    Assert.Equal(1, users.AddOrUpdate(lease.Guest, 1, (_, n) => n + 1)); // nobody else is in this guest

                    // The counter is guest state: set and read back in one lease, it proves no other call ran in between.
                    int mark = t * 1_000_000 + call;
                    var scalars = lease.Import<IScalars>();
                    scalars.SetCounter(mark);
                    string text = $"thread {t} ✓ call {call} " + new string((char)('a' + t), random.Next(0, 2000));
                    Assert.Equal(text + "😀", lease.Import<IStrings>().Concat(text, "😀"));
                    var data = new byte[random.Next(0, 70_000)];
                    random.NextBytes(data);
                    Assert.Equal(Fnv.Hash64(data), lease.Import<ISpans>().ChecksumBytes(data));
                    Assert.Equal(mark, scalars.GetCounter());

                    users.AddOrUpdate(lease.Guest, 0, (_, n) => n - 1);
                    Interlocked.Decrement(ref rentedNow);
                    Interlocked.Increment(ref checkedCalls);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e); // an exception escaping a thread would end the test process
                }
            }
        })).ToList();

        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        clock.Stop();
        Assert.Empty(failures);

        Assert.Equal(threads * callsPerThread, checkedCalls);
        Assert.InRange(maxRented, 1, poolSize);
        Assert.InRange(pool.Created, 1, poolSize);
        Assert.Equal(0, pool.RentedCount);
        Assert.Equal(pool.Created, pool.IdleCount);
        foreach (var test in fixtures.Values)
        {
            Assert.False(test.Guest.IsPoisoned);
            Assert.Equal(0, test.Scratch.LiveCount);
            if (test.Scratch.Inner is HostHeapAllocator heap)
            {
                heap.Heap.Validate();
                Assert.Equal(0ul, heap.GetStatistics().BytesInUse);
            }
        }

        output.WriteLine($"{threads} threads x {callsPerThread} leases (4 guest calls each), pool of {poolSize}: " +
            $"{clock.Elapsed.TotalSeconds:0.00} s, {pool.Created} guests created, at most {maxRented} rented at once");
    }

    [Fact]
    public void The_bound_holds_and_a_rent_times_out_while_every_guest_is_rented()
    {
        using var pool = new WasmGuestPool(() => TestGuests.MarshalTest().Guest, maxSize: 2);
        using var first = pool.Rent();
        using var second = pool.Rent();
        Assert.NotSame(first.Guest, second.Guest);
        Assert.Equal(2, pool.Count);
        Assert.Equal(2, pool.RentedCount);

        Assert.False(pool.TryRent(TimeSpan.FromMilliseconds(50), out var none));
        Assert.Null(none);
        var clock = Stopwatch.StartNew();
        var timeout = Assert.Throws<TimeoutException>(() => pool.Rent(TimeSpan.FromMilliseconds(100)));
        Assert.True(clock.ElapsedMilliseconds >= 90, $"gave up after {clock.ElapsedMilliseconds} ms");
        Assert.Contains("all 2 guests of the pool are rented", timeout.Message);

        var guest = second.Guest;
        second.Dispose();
        second.Dispose(); // a second dispose gives nothing back twice
        Assert.Throws<ObjectDisposedException>(() => second.Guest);
        using var third = pool.Rent(TimeSpan.Zero);
        Assert.Same(guest, third.Guest); // reused, not created
        Assert.Equal(2, pool.Created);
        Assert.False(pool.TryRent(TimeSpan.Zero, out _));
    }

    [Fact]
    public async Task A_blocked_rent_waits_for_a_return_or_for_cancellation()
    {
        using var pool = new WasmGuestPool(() => TestGuests.MarshalTest().Guest, maxSize: 1);
        var lease = pool.Rent();

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        Assert.ThrowsAny<OperationCanceledException>(() => pool.Rent(cancel.Token));

        var waiting = Task.Run(() =>
        {
            using var next = pool.Rent(TimeSpan.FromSeconds(30));
            return next.Import<IScalars>().AddI32(40, 2);
        });
        Thread.Sleep(50);
        Assert.False(waiting.IsCompleted);
        lease.Dispose();
        Assert.Equal(42, await waiting);
    }

    [Fact]
    public async Task Rent_async_waits_without_a_thread()
    {
        using var pool = new WasmGuestPool(() => TestGuests.MarshalTest().Guest, maxSize: 1);
        var first = await pool.RentAsync();
        var second = pool.RentAsync().AsTask();
        Assert.False(second.IsCompleted);
        first.Dispose();
        using var lease = await second;
        Assert.Equal(7, lease.Import<IScalars>().AddI32(3, 4));
    }

    [Fact]
    public void A_poisoned_guest_is_discarded_and_replaced_by_a_fresh_one()
    {
        using var pool = new WasmGuestPool(() => TestGuests.MarshalTest().Guest, maxSize: 1);
        WasmGuest poisoned;
        using (var lease = pool.Rent())
        {
            poisoned = lease.Guest;
            Assert.Throws<WasmTrapException>(() => lease.Import<IScalars>().DoTrap());
            Assert.True(poisoned.IsPoisoned);
        }

        Assert.Equal(1, pool.Discarded);
        Assert.Equal(0, pool.Count);
        Assert.Equal(0, pool.IdleCount);

        using (var lease = pool.Rent(TimeSpan.Zero))
        {
            Assert.NotSame(poisoned, lease.Guest);
            Assert.False(lease.Guest.IsPoisoned);
            Assert.Equal(3, lease.Import<IScalars>().AddI32(1, 2));
        }

        Assert.Equal(2, pool.Created);
        Assert.Equal(1, pool.IdleCount);
    }

    [Fact]
    public void Stubs_are_bound_once_per_guest_and_reused_by_later_leases()
    {
        using var pool = new WasmGuestPool(() => TestGuests.MarshalTest().Guest, maxSize: 1);
        IStrings first;
        using (var lease = pool.Rent())
        {
            first = lease.Import<IStrings>();
        }

        using (var lease = pool.Rent())
        {
            Assert.Same(first, lease.Import<IStrings>());
        }
    }

    [Fact]
    public void A_failing_factory_gives_its_slot_back()
    {
        int attempts = 0;
        using var pool = new WasmGuestPool(() =>
            Interlocked.Increment(ref attempts) == 1 ? throw new InvalidOperationException("no guest today") : TestGuests.MarshalTest().Guest, 1);
        Assert.Throws<InvalidOperationException>(() => pool.Rent(TimeSpan.Zero));
        Assert.Equal(0, pool.Count);
        using var lease = pool.Rent(TimeSpan.Zero);
        Assert.Equal(1, pool.Created);
    }

    [Fact]
    public async Task Disposing_the_pool_disposes_idle_guests_wakes_waiters_and_disposes_rented_guests_on_return()
    {
        var pool = new WasmGuestPool(() => TestGuests.MarshalTest().Guest, maxSize: 2);
        var kept = pool.Rent();
        pool.Rent().Dispose(); // one idle guest
        Assert.Equal(1, pool.IdleCount);

        var blocked = Task.Run(() =>
        {
            using var a = pool.Rent(TimeSpan.FromSeconds(30)); // takes the idle one
            return pool.Rent(TimeSpan.FromSeconds(30)); // waits
        });
        SpinWait.SpinUntil(() => pool.IdleCount == 0, TimeSpan.FromSeconds(10));
        Thread.Sleep(50);

        pool.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => blocked);
        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
        Assert.Equal(1, pool.Count); // only the one still rented
        kept.Dispose();
        Assert.Equal(0, pool.Count);
        pool.Dispose();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
