using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Wasmtime;
using WasmMarshal.Allocation;
using WasmMarshal.Allocation.Algorithms;
using WasmMarshal.Allocators;
using WasmMarshal.Binding;

namespace WasmMarshal;

/// <summary>
/// One instantiated guest: its store, instance, memory and allocator. Generated stubs and binders work through it.
/// Not thread-safe: like its Wasmtime <see cref="Store"/>, use it from one thread at a time.
/// </summary>
public sealed class WasmGuest : IDisposable
{
    private readonly bool _ownsStore;
    private readonly bool _ownsLinker;
    private readonly GuestAllocatorSource? _allocatorSource;
    private readonly GuestAllocatorSource _guestHeapSource;
    private readonly string _memoryExport;
    private IGuestAllocator? _allocator;
    private IGuestAllocator? _guestHeap;
    private GuestMemory? _memory;
    private Instance? _instance;
    private bool _poisonedByCleanup;

    internal WasmGuest(Engine engine, Module module, Store store, bool ownsStore, Linker linker, bool ownsLinker,
        GuestAllocatorSource? allocatorSource, GuestAllocatorSource guestHeapSource, string memoryExport, string name)
    {
        Name = name;
        Engine = engine;
        Module = module;
        Store = store;
        Linker = linker;
        _ownsStore = ownsStore;
        _ownsLinker = ownsLinker;
        _allocatorSource = allocatorSource;
        _guestHeapSource = guestHeapSource;
        _memoryExport = memoryExport;
    }

    /// <summary>Starts building a guest from a compiled module.</summary>
    public static WasmGuestBuilder Builder(Engine engine, Module module) => new(engine, module);

    /// <summary>The engine.</summary>
    public Engine Engine { get; }

    /// <summary>
    /// The guest's name in metrics and traces (<see cref="Diagnostics.WasmMarshalTelemetry"/>): set with
    /// <see cref="WasmGuestBuilder.WithName"/>, else the module's name. One name per kind of guest, not per instance.
    /// </summary>
    public string Name { get; }

    /// <summary>The memory size last observed for the memory gauge, or -1 before any.</summary>
    internal long ObservedMemoryBytes => Volatile.Read(ref _observedMemoryBytes);

    private long _observedMemoryBytes = -1;

    /// <summary>Records the memory size for the gauge; called on the thread that owns the guest, never from the gauge.</summary>
    internal void ObserveMemory()
    {
        if (_memory is { } memory && !_disposeRequested)
        {
            Volatile.Write(ref _observedMemoryBytes, (long)memory.Length);
        }
    }

    // Telemetry taken inside the outermost call, before the guest is released (afterwards another thread may own the
    // store and its allocators), and only while an instrument that needs it listens: see
    // Diagnostics.WasmMarshalTelemetry.OutermostCallEntered and OutermostCallExiting.

    /// <summary>Whether <see cref="ExitCall"/> has telemetry to take for the outermost call.</summary>
    internal bool TelemetryAtExit;

    /// <summary>The buffers the open calls hold (see <see cref="Interop.CallBuffers"/>); null until the first one.</summary>
    internal Interop.CallBuffers? CallBuffers;

    /// <summary>Whether <see cref="FuelAtEntry"/> was read for the outermost call.</summary>
    internal bool FuelMeasured;

    /// <summary>The store's fuel as the outermost call entered.</summary>
    internal ulong FuelAtEntry;

    /// <summary>0 until known, 1 if the store consumes fuel, -1 if it does not.</summary>
    internal sbyte FuelConsumption;

    /// <summary>
    /// Each statistics-reporting allocator's accounting as last seen for the allocator gauges, or null before any;
    /// replaced whole, never changed in place, so a gauge callback on any thread reads a consistent snapshot.
    /// </summary>
    internal (string Allocator, AllocatorStatistics Statistics)[]? ObservedAllocators;

    /// <summary>The compiled module.</summary>
    public Module Module { get; }

    /// <summary>The conventions detected from the module's exports and imports (computed once, on first use).</summary>
    public Profiles.GuestProfile Profile => _profile ??= Profiles.GuestProfile.Detect(Module);

    private Profiles.GuestProfile? _profile;

    // ---- Template support (helper G, issue 17): a template detects the profile once and hands it to each instance ----

    /// <summary>Installs a profile detected once for the module (by a <see cref="Hosting.WasmGuestTemplate"/>).</summary>
    internal void UseProfile(Profiles.GuestProfile profile) => _profile = profile;

    /// <summary>The store holding the instance.</summary>
    public Store Store { get; }

    /// <summary>The linker the instance was created with.</summary>
    public Linker Linker { get; }

    private Interop.NativeInstance? _native;

    /// <summary>The store and instance as the C API sees them, for direct export calls (Interop.DirectExport).</summary>
    internal Interop.NativeInstance Native => _native ??= new(Store, Instance);

    /// <summary>The instance. Host functions called while the guest is being instantiated cannot use it yet.</summary>
    public Instance Instance => _instance ?? throw new InvalidOperationException(
        "The guest is not instantiated yet: a host function was called during instantiation (start function).");

    /// <summary>The exported linear memory (by default named <c>memory</c>).</summary>
    public GuestMemory Memory => _memory ?? ThrowNoMemory();

    /// <summary>
    /// The allocator stubs use for the buffers they pass in (arguments, return areas): host-owned scratch memory.
    /// Chosen with <see cref="WasmGuestBuilder.WithAllocator(GuestAllocatorSource)"/>; by default the same as
    /// <see cref="GuestHeap"/>. Resolved on first use.
    /// </summary>
    /// <exception cref="WasmBindingException">The module lacks what the allocator needs.</exception>
    public IGuestAllocator Allocator => _allocator ?? Resolve(TryResolveAllocator, "the guest allocator");

    /// <summary>
    /// The heap whose memory the guest owns: strings and arrays the guest returns are freed there after copying, and
    /// what host functions return to the guest is allocated there. By default the guest's own malloc/free (or
    /// cabi_realloc), or the host heap the guest imports. Chosen with <see cref="WasmGuestBuilder.WithGuestHeap"/>.
    /// </summary>
    /// <exception cref="WasmBindingException">The module lacks what the heap needs.</exception>
    public IGuestAllocator GuestHeap => _guestHeap ?? Resolve(TryResolveGuestHeap, "the guest heap");

    /// <summary>
    /// Binds the <c>[WasmImport]</c> interface <typeparamref name="T"/> to this guest, passing arguments through
    /// <paramref name="allocator"/> when given (for example an arena) instead of <see cref="Allocator"/>.
    /// </summary>
    /// <exception cref="WasmBindingException">The module lacks exports the interface needs.</exception>
    public T Import<T>(IGuestAllocator? allocator = null) where T : class => WasmBindings.GetImport<T>()(this, allocator);

    private static IGuestAllocator Resolve(Func<List<BindingMismatch>, IGuestAllocator?> resolve, string what)
    {
        var mismatches = new List<BindingMismatch>();
        return resolve(mismatches) ?? throw new WasmBindingException(what, mismatches);
    }

    /// <summary>What happens after a trap; <see cref="TrapPolicy.Poison"/> unless set with the builder.</summary>
    public TrapPolicy TrapPolicy { get; internal set; } = TrapPolicy.Poison;

    /// <summary>The failure that poisoned the guest, or null while it is usable.</summary>
    public WasmCallException? PoisonedBy { get; private set; }

    /// <summary>Whether calls into the guest are refused because it trapped earlier.</summary>
    public bool IsPoisoned => PoisonedBy is not null;

    /// <summary>A free that trapped during a call's cleanup poisons the guest, unless the call's own failure did.</summary>
    internal void PoisonAfterCleanup(WasmCallException failure)
    {
        if (TrapPolicy == TrapPolicy.Poison && PoisonedBy is null)
        {
            // Provisional: the call's own failure, if it is recorded after cleanup, takes precedence.
            PoisonedBy = failure;
            _poisonedByCleanup = true;
        }
    }

    internal void RecordTrap(WasmCallException error)
    {
        if (TrapPolicy == TrapPolicy.Poison && (PoisonedBy is null || _poisonedByCleanup))
        {
            PoisonedBy = error;
            _poisonedByCleanup = false;
        }
    }

    /// <summary>How many times an Emscripten guest reported memory growth through <c>emscripten_notify_memory_growth</c>.</summary>
    public int MemoryGrowthNotifications { get; private set; }

    /// <summary>
    /// Raised when an Emscripten guest reports that it grew memory. WasmMarshal needs no signal (it keeps a memory's base
    /// only on engines whose memories never move, and re-reads the length when a check misses); this is for hosts
    /// that keep views of their own.
    /// </summary>
    public event Action<WasmGuest>? MemoryGrown;

    internal void OnMemoryGrowthNotified(int memoryIndex)
    {
        MemoryGrowthNotifications++;
        MemoryGrown?.Invoke(this);
    }

    internal void Attach(Instance instance)
    {
        _instance = instance;
        var memory = instance.GetMemory(_memoryExport);
        _memory = memory is null ? null : new GuestMemory(memory, Hosting.WasmEngines.MemoryNeverMoves(Engine));
    }

    internal IGuestAllocator? TryResolveAllocator(List<BindingMismatch> mismatches)
    {
        if (_allocator is not null)
        {
            return _allocator;
        }

        if (_allocatorSource is null)
        {
            return _allocator = TryResolveGuestHeap(mismatches);
        }

        return _allocator = Create(_allocatorSource, mismatches);
    }

    internal IGuestAllocator? TryResolveGuestHeap(List<BindingMismatch> mismatches)
    {
        // A source that asks for the guest heap while it is itself being created as the guest heap (a host heap chosen
        // with WithGuestHeap looks for a guest heap to take blocks from) sees none, instead of recursing forever.
        if (_guestHeap is not null || _resolvingGuestHeap)
        {
            return _guestHeap;
        }

        _resolvingGuestHeap = true;
        try
        {
            return _guestHeap = Create(_guestHeapSource, mismatches);
        }
        finally
        {
            _resolvingGuestHeap = false;
        }
    }

    private bool _resolvingGuestHeap;

    /// <summary>The allocator and guest heap resolved so far, without resolving either; for inspection.</summary>
    internal IEnumerable<IGuestAllocator> ResolvedAllocators()
    {
        if (_allocator is not null)
        {
            yield return _allocator;
        }

        if (_guestHeap is not null && !ReferenceEquals(_guestHeap, _allocator))
        {
            yield return _guestHeap;
        }
    }

    /// <summary>Installs the guest heap directly; used when the host heap is linked in as the guest's malloc.</summary>
    internal void SetGuestHeap(IGuestAllocator heap) => _guestHeap = heap;

    private IGuestAllocator? Create(GuestAllocatorSource source, List<BindingMismatch> mismatches)
    {
        if (_memory is null)
        {
            mismatches.Add(new BindingMismatch(_memoryExport, "guest memory", "an exported memory", "missing"));
            return null;
        }

        return source.TryCreate(this, mismatches);
    }

    private GuestMemory ThrowNoMemory()
    {
        if (_instance is null)
        {
            throw new InvalidOperationException(
                "The guest is not instantiated yet: a host function was called during instantiation (start function).");
        }

        throw new WasmBindingException("guest memory",
            [new BindingMismatch(_memoryExport, "guest memory", "an exported memory", "missing")]);
    }

    // ---- The in-call marker: one owner thread at a time, re-entry from host callbacks on that thread, deferred dispose ----

    /// <summary>The managed thread id inside a call, 0 when idle, <see cref="DisposedOwner"/> once disposed.</summary>
    private int _ownerThread;
    private int _callDepth;
    private string? _currentMethod;
    private volatile bool _disposeRequested;
    private const int DisposedOwner = -1;

    /// <summary>Whether <see cref="Dispose"/> has run (or was requested during a call, which then completes first).</summary>
    public bool IsDisposed => _disposeRequested;

    /// <summary>
    /// How much wasm stack the engine allows (Wasmtime's <c>Config.WithMaximumStackSize</c>, 512 KiB unless changed);
    /// set with <see cref="WasmGuestBuilder.WithMaximumWasmStack"/>. A call from a thread with less native stack left
    /// than this plus <see cref="HostStackReserve"/> is refused with <see cref="WasmStackTooSmallException"/>, because
    /// a guest that recursed that deep would overflow the thread's own stack and abort the process instead of trapping.
    /// </summary>
    public ulong MaximumWasmStack { get; internal set; } = DefaultMaximumWasmStack;

    /// <summary>Wasmtime's default maximum wasm stack: 512 KiB.</summary>
    public const ulong DefaultMaximumWasmStack = 512 * 1024;

    /// <summary>Native stack kept for the host frames around a guest call (trampolines, host callbacks): 128 KiB.</summary>
    public const ulong HostStackReserve = 128 * 1024;

    /// <summary>
    /// Starts a call into the guest on the current thread, or throws the typed reason it cannot run: disposed,
    /// poisoned, busy on another thread, or too little native stack left. Re-entry from a host callback on the thread
    /// that is already inside the guest is allowed. Every successful call is paired with <see cref="ExitCall"/>.
    /// </summary>
    internal void EnterCall(string method)
    {
        // The fast path: one thread-static read, one compare-and-swap, a few field reads. Every refusal is built out of line.
        var thread = Interop.NativeStack.Current;
        int me = thread.ThreadId;
        if (_ownerThread == me)
        {
            // A host callback calling back into the guest: same thread, the store is ours already. After Dispose (which
            // waits for the outer call) no new call starts, nested ones included.
            if (_disposeRequested || PoisonedBy is not null)
            {
                RefuseNested(method);
            }

            _callDepth++;
            return;
        }

        int owner = Interlocked.CompareExchange(ref _ownerThread, me, 0);
        if (owner != 0)
        {
            RefuseBusy(method, owner, me);
        }

        if (_disposeRequested || PoisonedBy is not null
            || (MaximumWasmStack != 0 && !thread.HasRoom(MaximumWasmStack + HostStackReserve)))
        {
            RefuseOwned(method, thread);
        }

        // Read only by a refused second thread's message; written only when it changes (no write barrier per call).
        if (!ReferenceEquals(_currentMethod, method))
        {
            _currentMethod = method;
        }

        _callDepth = 1;
        if (Diagnostics.WasmMarshalTelemetry.IsListeningAroundCalls)
        {
            Diagnostics.WasmMarshalTelemetry.OutermostCallEntered(this);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RefuseNested(string method)
    {
        Exception refused = _disposeRequested
            ? new WasmGuestDisposedException(method)
            : new WasmGuestPoisonedException(method, PoisonedBy!);
        Diagnostics.WasmMarshalTelemetry.CallRefused(this, method, refused);
        throw refused;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RefuseBusy(string method, int owner, int me)
    {
        Exception refused = owner == DisposedOwner || _disposeRequested
            ? new WasmGuestDisposedException(method)
            : new WasmConcurrentCallException(method, _currentMethod, owner, me);
        Diagnostics.WasmMarshalTelemetry.CallRefused(this, method, refused);
        throw refused;
    }

    /// <summary>Refuses a call after this thread took the guest: releases it again, runs a pending dispose, throws.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RefuseOwned(string method, Interop.NativeStack thread)
    {
        ulong required = MaximumWasmStack + HostStackReserve;
        Exception refused = _disposeRequested ? new WasmGuestDisposedException(method)
            : PoisonedBy is { } first ? new WasmGuestPoisonedException(method, first)
            : new WasmStackTooSmallException(method, thread.Available(), required);
        Diagnostics.WasmMarshalTelemetry.CallRefused(this, method, refused);
        Interlocked.Exchange(ref _ownerThread, 0);
        if (_disposeRequested)
        {
            TryDisposeDeferred();
        }

        throw refused;
    }

    /// <summary>Ends a call started by <see cref="EnterCall"/>; the outermost one releases the guest and runs a deferred dispose.</summary>
    internal void ExitCall()
    {
        if (--_callDepth > 0)
        {
            return;
        }

        if (TelemetryAtExit)
        {
            Diagnostics.WasmMarshalTelemetry.OutermostCallExiting(this, _currentMethod!);
        }

        // A plain release (no fence on the hot path). A Dispose on another thread racing this exact moment may miss the
        // guest going idle while this thread misses its request; the request is then carried out by the next call
        // attempt (EnterCall sees it and disposes) or by the store's finalizer. Nothing runs on a disposed store either way.
        Volatile.Write(ref _ownerThread, 0);
        if (_disposeRequested)
        {
            TryDisposeDeferred();
        }
    }

    /// <summary>
    /// Disposes the store and linker if the builder created them. Safe from any thread and from inside a host callback:
    /// while a call is running (on this thread or another), disposal waits until that call returns, and every later
    /// call throws <see cref="WasmGuestDisposedException"/>. A guest that never returns is stopped by fuel or the epoch
    /// deadline, not by Dispose.
    /// </summary>
    public void Dispose()
    {
        _disposeRequested = true;
        TryDisposeDeferred();
    }

    private void TryDisposeDeferred()
    {
        if (Interlocked.CompareExchange(ref _ownerThread, DisposedOwner, 0) != 0)
        {
            return; // a call is running (its ExitCall disposes), or disposal already happened
        }

        Diagnostics.WasmMarshalTelemetry.Unregister(this);
        if (_ownsStore)
        {
            Store.Dispose();
        }

        if (_ownsLinker)
        {
            Linker.Dispose();
        }
    }
}
