using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

namespace WasmMarshal.Pooling;

/// <summary>
/// A bounded pool of <see cref="WasmGuest"/> instances for multi-threaded hosts: each instance (with its own
/// <see cref="Wasmtime.Store"/>) is rented by one caller at a time and given back when the lease is disposed.
/// </summary>
/// <remarks>
/// <para>
/// Thread rules. A <see cref="WasmGuest"/>, like the Wasmtime store under it, must never be used from two threads at
/// once: not two calls, not a call and a dispose. It may move between threads (a lease may be rented on one thread and
/// used or disposed on another, across <c>await</c>s), as long as one thread at a time uses it. The pool enforces the
/// one-user rule: a guest is in at most one lease, and a lease hands its guest back exactly once. What the pool cannot
/// enforce is that the renter does not share the guest (or a stub bound to it) with another thread while the lease is
/// open, nor that it stops using it after disposing the lease.
/// </para>
/// <para>
/// Instances are created on demand by the factory, at most <see cref="MaxSize"/> of them, usually from one compiled
/// <see cref="Wasmtime.Module"/> shared by all (a module, like an engine, may be used from any thread). The factory
/// may be called from several threads at once. A guest that comes back poisoned (<see cref="WasmGuest.IsPoisoned"/>:
/// it trapped under <see cref="TrapPolicy.Poison"/>) is disposed instead of being pooled, and the next rent creates a
/// fresh instance in its place. Idle guests are reused most recently returned first.
/// </para>
/// </remarks>
public sealed class WasmGuestPool : IDisposable
{
    private readonly Func<WasmGuest> _factory;
    private readonly SemaphoreSlim _slots;
    private readonly Stack<PooledGuest> _idle = new();
    private readonly object _lock = new();
    private int _live;
    private int _rented;
    private long _created;
    private long _discarded;
    private bool _disposed;

    // Fresh-per-lease mode: _idle holds instances made ahead of time that no lease has used yet.
    private readonly int _readyTarget;
    private readonly ConcurrentQueue<WasmGuest> _toDispose = new();
    private int _refilling;
    private long _madeOnRent;
    private (Type Interface, Func<WasmGuest, object> Bind)[] _prebound = [];
    private Action<WasmGuest>[] _warmUps = [];

    /// <summary>Creates a pool of at most <paramref name="maxSize"/> guests, each made by <paramref name="factory"/>.</summary>
    /// <param name="factory">Creates one instantiated guest; called on demand, possibly from several threads at once.</param>
    /// <param name="maxSize">How many guests may exist (idle or rented) at once; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSize"/> is less than 1.</exception>
    public WasmGuestPool(Func<WasmGuest> factory, int maxSize)
    {
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        if (maxSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSize), maxSize, "A pool holds at least one guest.");
        }

        MaxSize = maxSize;
        _slots = new SemaphoreSlim(maxSize);
    }

    /// <summary>A pool that reuses instances of <paramref name="template"/> (see <see cref="WasmGuestPoolMode.Reuse"/>).</summary>
    public WasmGuestPool(Hosting.WasmGuestTemplate template, int maxSize)
        : this((template ?? throw new ArgumentNullException(nameof(template))).Instantiate, maxSize)
    {
    }

    private WasmGuestPool(Hosting.WasmGuestTemplate template, int maxSize, int ready)
        : this(template, maxSize)
    {
        if (ready < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ready), ready, "The number of instances made ahead cannot be negative.");
        }

        Mode = WasmGuestPoolMode.FreshPerLease;
        _readyTarget = ready;
        ScheduleRefill();
    }

    /// <summary>
    /// A pool that gives every lease an instance no earlier lease has used (<see cref="WasmGuestPoolMode.FreshPerLease"/>):
    /// a returned instance is disposed, and a background worker keeps <paramref name="ready"/> fresh instances made
    /// ahead from <paramref name="template"/>, so that renting costs no instantiation unless leases outrun the worker
    /// (then the renter instantiates; see <see cref="MadeOnRent"/>).
    /// </summary>
    /// <param name="template">Makes each instance.</param>
    /// <param name="maxSize">How many leases may be open at once; at least 1.</param>
    /// <param name="ready">How many fresh instances to keep made ahead, besides those rented.</param>
    public static WasmGuestPool FreshPerLease(Hosting.WasmGuestTemplate template, int maxSize, int ready = 2) =>
        new(template, maxSize, ready);

    /// <summary>
    /// Binds <typeparamref name="T"/> to every instance as it is made (in the background, for
    /// <see cref="WasmGuestPoolMode.FreshPerLease"/>), so that <see cref="WasmGuestLease.Import{T}"/> costs a lookup
    /// instead of resolving the guest's exports on the renter's path. Call it before renting; instances made earlier
    /// bind on first use as before.
    /// </summary>
    /// <exception cref="WasmBindingException">Later, from the instance maker, when the module lacks what <typeparamref name="T"/> needs.</exception>
    public WasmGuestPool Prebind<T>() where T : class
    {
        lock (_lock)
        {
            _prebound = [.. _prebound, (typeof(T), static guest => guest.Import<T>())];
        }

        return this;
    }

    /// <summary>
    /// Runs <paramref name="warmUp"/> on every instance as it is made, after <see cref="Prebind{T}"/> bindings (in the
    /// background, for <see cref="WasmGuestPoolMode.FreshPerLease"/>): for example one call that makes the guest set up
    /// its heap, so that a lease's first string call costs what a later one does. What it leaves in the instance is
    /// the same for every lease (it is the host's own code, not an earlier tenant's). Call it before renting.
    /// </summary>
    public WasmGuestPool WarmWith(Action<WasmGuest> warmUp)
    {
        ArgumentNullException.ThrowIfNull(warmUp);
        lock (_lock)
        {
            _warmUps = [.. _warmUps, warmUp];
        }

        return this;
    }

    /// <summary>A new instance from the factory, with the prebound interfaces bound and the warm-ups run.</summary>
    private PooledGuest Make()
    {
        var guest = _factory() ?? throw new InvalidOperationException("The guest factory returned null.");
        var pooled = new PooledGuest(guest);
        try
        {
            foreach (var (type, bind) in Volatile.Read(ref _prebound))
            {
                pooled.Imports[type] = bind(guest);
            }

            foreach (var warmUp in Volatile.Read(ref _warmUps))
            {
                warmUp(guest);
            }
        }
        catch
        {
            guest.Dispose();
            throw;
        }

        return pooled;
    }

    /// <summary>Whether instances are reused across leases, or fresh for every lease.</summary>
    public WasmGuestPoolMode Mode { get; } = WasmGuestPoolMode.Reuse;

    /// <summary>In <see cref="WasmGuestPoolMode.FreshPerLease"/>, how many leases had to instantiate on the renter's thread because no ready instance was left.</summary>
    public long MadeOnRent => Interlocked.Read(ref _madeOnRent);

    /// <summary>How many guests may exist at once.</summary>
    public int MaxSize { get; }

    /// <summary>The pool's name in metrics (<see cref="Diagnostics.WasmMarshalTelemetry.PoolTag"/>); <c>default</c> unless set.</summary>
    public string Name { get; init; } = "default";

    /// <summary>How many guests exist now, idle or rented.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _live;
            }
        }
    }

    /// <summary>How many guests are idle in the pool.</summary>
    public int IdleCount
    {
        get
        {
            lock (_lock)
            {
                return _idle.Count;
            }
        }
    }

    /// <summary>How many guests are rented now.</summary>
    public int RentedCount
    {
        get
        {
            lock (_lock)
            {
                return _rented;
            }
        }
    }

    /// <summary>How many guests the factory has created since the pool was made.</summary>
    public long Created => Interlocked.Read(ref _created);

    /// <summary>How many guests came back poisoned and were disposed instead of pooled.</summary>
    public long Discarded => Interlocked.Read(ref _discarded);

    /// <summary>Rents a guest, waiting for as long as every guest is rented.</summary>
    /// <exception cref="ObjectDisposedException">The pool is disposed.</exception>
    public WasmGuestLease Rent() => Rent(Timeout.InfiniteTimeSpan, CancellationToken.None);

    /// <summary>Rents a guest, waiting while every guest is rented until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled before a guest was free.</exception>
    /// <exception cref="ObjectDisposedException">The pool is disposed.</exception>
    public WasmGuestLease Rent(CancellationToken cancellationToken) => Rent(Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary>Rents a guest, waiting at most <paramref name="timeout"/> while every guest is rented.</summary>
    /// <exception cref="TimeoutException">No guest was free within <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before a guest was free.</exception>
    /// <exception cref="ObjectDisposedException">The pool is disposed.</exception>
    public WasmGuestLease Rent(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (!TryRent(timeout, out var lease, cancellationToken))
        {
            throw new TimeoutException(
                $"No guest was free within {timeout.TotalMilliseconds:0} ms: all {MaxSize} guests of the pool are rented.");
        }

        return lease;
    }

    /// <summary>
    /// Rents a guest if one is free within <paramref name="timeout"/> (<see cref="TimeSpan.Zero"/> to not wait);
    /// returns false otherwise.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled before a guest was free.</exception>
    /// <exception cref="ObjectDisposedException">The pool is disposed.</exception>
    public bool TryRent(TimeSpan timeout, [NotNullWhen(true)] out WasmGuestLease? lease, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        if (!_slots.Wait(0, cancellationToken) && (Waited() || !_slots.Wait(timeout, cancellationToken)))
        {
            lease = null;
            return false;
        }

        lease = TakeSlot();
        return true;
    }

    /// <summary>Rents a guest asynchronously, waiting without blocking a thread while every guest is rented.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled before a guest was free.</exception>
    /// <exception cref="ObjectDisposedException">The pool is disposed.</exception>
    public async ValueTask<WasmGuestLease> RentAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        if (!_slots.Wait(0, cancellationToken))
        {
            Waited();
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return TakeSlot();
    }

    /// <summary>Counts a rent that found every guest rented; false, so that it reads as a step of a condition.</summary>
    private bool Waited()
    {
        Diagnostics.WasmMarshalTelemetry.Waited(this);
        return false;
    }

    /// <summary>Called with a slot held: an idle guest, or a new one from the factory.</summary>
    private WasmGuestLease TakeSlot()
    {
        PooledGuest? pooled = null;
        lock (_lock)
        {
            if (_disposed)
            {
                _slots.Release();
                throw new ObjectDisposedException(nameof(WasmGuestPool));
            }

            _rented++;
            if (_idle.Count > 0)
            {
                pooled = _idle.Pop();
            }
            else
            {
                _live++; // reserved now, so that Count never exceeds MaxSize while the factory runs
            }
        }

        if (pooled is null)
        {
            try
            {
                pooled = Make();
                Interlocked.Increment(ref _created);
                if (Mode == WasmGuestPoolMode.FreshPerLease)
                {
                    Interlocked.Increment(ref _madeOnRent);
                }
            }
            catch
            {
                lock (_lock)
                {
                    _live--;
                    _rented--;
                }

                _slots.Release();
                throw;
            }
        }

        if (Mode == WasmGuestPoolMode.FreshPerLease)
        {
            ScheduleRefill();
        }

        Diagnostics.WasmMarshalTelemetry.Leased(this);
        return new WasmGuestLease(this, pooled);
    }

    /// <summary>Starts the background worker unless it runs already.</summary>
    private void ScheduleRefill()
    {
        if (Interlocked.CompareExchange(ref _refilling, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static pool => pool.Refill(), this, preferLocal: false);
        }
    }

    /// <summary>Needs the lock: whether the worker has anything to do.</summary>
    private bool RefillNeeded() => !_toDispose.IsEmpty || (!_disposed && _idle.Count < _readyTarget);

    /// <summary>
    /// The background worker: disposes returned instances and makes fresh ones until <see cref="_readyTarget"/> are
    /// ready. Stops on a factory failure (renters then instantiate themselves, and see the failure).
    /// </summary>
    private void Refill()
    {
        while (true)
        {
            while (_toDispose.TryDequeue(out var used))
            {
                used.Dispose();
            }

            lock (_lock)
            {
                if (!RefillNeeded())
                {
                    Volatile.Write(ref _refilling, 0);
                    // Work that arrived between the check and the release is picked up by whoever claims the flag.
                    if (!RefillNeeded() || Interlocked.CompareExchange(ref _refilling, 1, 0) != 0)
                    {
                        return;
                    }
                }

                if (_disposed || _idle.Count >= _readyTarget)
                {
                    continue; // only disposals were left
                }

                _live++;
            }

            PooledGuest guest;
            try
            {
                guest = Make();
                Interlocked.Increment(ref _created);
            }
            catch
            {
                lock (_lock)
                {
                    _live--;
                }

                Volatile.Write(ref _refilling, 0);
                return;
            }

            bool keep;
            lock (_lock)
            {
                keep = !_disposed;
                if (keep)
                {
                    _idle.Push(guest);
                }
                else
                {
                    _live--;
                }
            }

            if (!keep)
            {
                guest.Guest.Dispose();
            }
        }
    }

    /// <summary>Takes a guest back from a lease: pooled if usable, disposed if poisoned or the pool is disposed.</summary>
    internal void Return(PooledGuest pooled)
    {
        bool dispose;
        lock (_lock)
        {
            _rented--;
            dispose = _disposed || pooled.Guest.IsPoisoned || Mode == WasmGuestPoolMode.FreshPerLease;
            if (dispose)
            {
                _live--;
            }
            else
            {
                _idle.Push(pooled);
            }
        }

        if (dispose)
        {
            if (pooled.Guest.IsPoisoned)
            {
                Interlocked.Increment(ref _discarded);
                Diagnostics.WasmMarshalTelemetry.Discarded(this);
            }

            // A worker starved of CPU must not let disposals pile up (each holds its memory, and a pooling engine's
            // slot): past MaxSize waiting, the caller disposes its own.
            if (Mode == WasmGuestPoolMode.FreshPerLease && !pooled.Guest.IsPoisoned && _toDispose.Count < MaxSize)
            {
                // Off the caller's path: the worker disposes it and makes its replacement.
                _toDispose.Enqueue(pooled.Guest);
                ScheduleRefill();
            }
            else
            {
                pooled.Guest.Dispose();
            }
        }

        _slots.Release();
    }

    /// <summary>
    /// Disposes every idle guest. Guests still rented are disposed when their lease is. Renting afterwards, and any
    /// rent still waiting, throws <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        List<PooledGuest> idle;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            idle = new List<PooledGuest>(_idle);
            _idle.Clear();
            _live -= idle.Count;
        }

        foreach (var pooled in idle)
        {
            pooled.Guest.Dispose();
        }

        // Wake every waiting renter: each takes a slot, sees the pool disposed, gives the slot back and throws.
        _slots.Release(MaxSize);
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed))
        {
            throw new ObjectDisposedException(nameof(WasmGuestPool));
        }
    }
}

/// <summary>How a <see cref="WasmGuestPool"/> hands out instances.</summary>
public enum WasmGuestPoolMode
{
    /// <summary>
    /// A returned instance goes back to the pool and the next lease gets it as it was left: its memory, globals and
    /// tables carry one lease's state into the next. For hosts whose guests keep nothing private between calls.
    /// </summary>
    Reuse,

    /// <summary>
    /// Every lease gets an instance no earlier lease has used, made ahead of time from a template; a returned
    /// instance is disposed. Nothing a lease leaves in memory, globals or tables reaches another lease.
    /// </summary>
    FreshPerLease,
}

/// <summary>A guest in a pool, with the interfaces already bound to it.</summary>
internal sealed class PooledGuest(WasmGuest guest)
{
    public WasmGuest Guest { get; } = guest;

    public Dictionary<Type, object> Imports { get; } = new();
}

/// <summary>
/// One rented guest from a <see cref="WasmGuestPool"/>. Dispose it to give the guest back; until then the renter is the
/// guest's only user. Use it from one thread at a time.
/// </summary>
public sealed class WasmGuestLease : IDisposable
{
    private readonly WasmGuestPool _pool;
    private PooledGuest? _pooled;

    internal WasmGuestLease(WasmGuestPool pool, PooledGuest pooled)
    {
        _pool = pool;
        _pooled = pooled;
    }

    /// <summary>
    /// The rented guest. Do not dispose it (the pool does), and do not use it, or stubs bound to it, after disposing the
    /// lease.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The lease was disposed.</exception>
    public WasmGuest Guest => (_pooled ?? throw new ObjectDisposedException(nameof(WasmGuestLease))).Guest;

    /// <summary>
    /// The <c>[WasmImport]</c> interface <typeparamref name="T"/> bound to the rented guest with its default allocator.
    /// Bound once per guest and reused by later leases of the same guest.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The lease was disposed.</exception>
    /// <exception cref="WasmBindingException">The module lacks exports the interface needs.</exception>
    public T Import<T>() where T : class
    {
        var pooled = _pooled ?? throw new ObjectDisposedException(nameof(WasmGuestLease));
        if (!pooled.Imports.TryGetValue(typeof(T), out var stub))
        {
            stub = pooled.Guest.Import<T>();
            pooled.Imports[typeof(T)] = stub;
        }

        return (T)stub;
    }

    /// <summary>Gives the guest back to the pool (or disposes it if it is poisoned). Later calls do nothing.</summary>
    public void Dispose()
    {
        var pooled = Interlocked.Exchange(ref _pooled, null);
        if (pooled is not null)
        {
            _pool.Return(pooled);
        }
    }
}
