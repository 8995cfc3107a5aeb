using System;
using System.Collections.Generic;
using System.Linq;
using Wasmtime;
using WasmMarshal.Allocators;
using WasmMarshal.Binding;

namespace WasmMarshal;

/// <summary>
/// Configures and instantiates a <see cref="WasmGuest"/>: host interfaces, WASI, the allocator. Validates every
/// import the host provides against the module before instantiating, and throws one exception listing every mismatch.
/// </summary>
public sealed class WasmGuestBuilder
{
    private const string WasiModule = "wasi_snapshot_preview1";
    private readonly Engine _engine;
    private readonly Module _module;
    private readonly List<(WasmExportBinding Binding, object Implementation)> _exports = new();
    private readonly List<Action<Linker, Store>> _linkerSetup = new();
    private Store? _store;
    private Linker? _linker;
    private WasiConfiguration? _wasi;
    private bool _wasiExplicit;
    private GuestAllocatorSource? _allocator;
    private GuestAllocatorSource _guestHeap = GuestAllocatorSource.Auto;
    private string _memoryExport = "memory";
    private HostHeapImportNames? _hostHeapImports;
    private Profiles.GuestProfile? _profile;
    private HostHeapRegion _hostHeapRegion;
    private bool _callInitialize = true;
    private TrapPolicy _trapPolicy = TrapPolicy.Poison;
    private ulong _maximumWasmStack = WasmGuest.DefaultMaximumWasmStack;
    private string? _name;

    internal WasmGuestBuilder(Engine engine, Module module)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _module = module ?? throw new ArgumentNullException(nameof(module));
    }

    /// <summary>Uses an existing store (not disposed by the guest) instead of creating one.</summary>
    public WasmGuestBuilder WithStore(Store store)
    {
        _store = store;
        return this;
    }

    /// <summary>Uses an existing linker (not disposed by the guest) instead of creating one.</summary>
    public WasmGuestBuilder WithLinker(Linker linker)
    {
        _linker = linker;
        return this;
    }

    /// <summary>
    /// Defines WASI preview 1 with <paramref name="configuration"/>. Without this call, WASI is still defined
    /// (with no arguments, environment or inherited stdio) when the module imports it.
    /// </summary>
    public WasmGuestBuilder WithWasi(WasiConfiguration? configuration = null)
    {
        _wasi = configuration ?? new WasiConfiguration();
        _wasiExplicit = true;
        return this;
    }

    /// <summary>
    /// Chooses the allocator stubs use for the buffers they pass in, for example
    /// <see cref="GuestAllocatorSource.HostHeap"/> or <see cref="GuestAllocatorSource.Arena"/>. By default the guest heap.
    /// </summary>
    public WasmGuestBuilder WithAllocator(GuestAllocatorSource source)
    {
        _allocator = source ?? throw new ArgumentNullException(nameof(source));
        return this;
    }

    /// <summary>
    /// Chooses the heap the guest owns memory in (where returned buffers are freed and host results are allocated);
    /// <see cref="GuestAllocatorSource.Auto"/> by default.
    /// </summary>
    public WasmGuestBuilder WithGuestHeap(GuestAllocatorSource source)
    {
        _guestHeap = source ?? throw new ArgumentNullException(nameof(source));
        return this;
    }

    /// <summary>
    /// Offers a host-managed heap to the guest as its C allocator: imports <c>env.malloc</c>, <c>env.free</c>,
    /// <c>env.calloc</c>, <c>env.realloc</c> and <c>env.aligned_alloc</c> (names configurable), served natively. The heap
    /// takes memory from <paramref name="region"/> (by default above <c>__heap_base</c> when exported, else
    /// memory.grow) and becomes the guest's <see cref="WasmGuest.GuestHeap"/>.
    /// </summary>
    public WasmGuestBuilder WithHostHeapImports(HostHeapImportNames? names = null, HostHeapRegion region = HostHeapRegion.Auto)
    {
        if (region == HostHeapRegion.GuestBlocks)
        {
            throw new ArgumentException("A guest whose malloc is the host heap has no heap of its own to take blocks from.", nameof(region));
        }

        _hostHeapImports = names ?? HostHeapImportNames.Default;
        _hostHeapRegion = region;
        return this;
    }

    /// <summary>What happens to the guest after a trap; <see cref="TrapPolicy.Poison"/> by default.</summary>
    public WasmGuestBuilder WithTrapPolicy(TrapPolicy policy)
    {
        _trapPolicy = policy;
        return this;
    }

    /// <summary>
    /// The maximum wasm stack the engine was configured with (<c>Config.WithMaximumStackSize</c>; Wasmtime's default,
    /// 512 KiB, unless given). Every call first checks that the calling thread has that much native stack left, plus
    /// <see cref="WasmGuest.HostStackReserve"/>, and throws <see cref="WasmStackTooSmallException"/> otherwise: a guest
    /// recursing past the thread's own stack would abort the process. 0 turns the check off.
    /// </summary>
    public WasmGuestBuilder WithMaximumWasmStack(ulong bytes)
    {
        _maximumWasmStack = bytes;
        return this;
    }

    /// <summary>
    /// Names the guest in metrics and traces (<see cref="WasmGuest.Name"/>); the module's name by default. Keep it to one
    /// name per kind of guest (a plugin's name), not one per instance: it is a tag on every measurement.
    /// </summary>
    public WasmGuestBuilder WithName(string name)
    {
        _name = string.IsNullOrEmpty(name) ? throw new ArgumentException("A guest name is not empty.", nameof(name)) : name;
        return this;
    }

    /// <summary>The guest's name in metrics and traces.</summary>
    private string GuestName => _name ?? (string.IsNullOrEmpty(_module.Name) ? "(unnamed)" : _module.Name);

    /// <summary>Names the exported memory, <c>memory</c> by default.</summary>
    public WasmGuestBuilder WithMemoryExport(string name)
    {
        _memoryExport = name;
        return this;
    }

    /// <summary>Whether to call the reactor entry point <c>_initialize</c> after instantiation (default true).</summary>
    public WasmGuestBuilder CallInitialize(bool call)
    {
        _callInitialize = call;
        return this;
    }

    /// <summary>Defines the <c>[WasmExport]</c> interface <typeparamref name="T"/>, implemented by <paramref name="implementation"/>.</summary>
    public WasmGuestBuilder Export<T>(T implementation) where T : class
    {
        ArgumentNullException.ThrowIfNull(implementation);
        _exports.Add((WasmBindings.GetExport<T>(), implementation));
        return this;
    }

    /// <summary>
    /// Defines further imports by hand. The callback runs before instantiation; what it defines is then checked against
    /// the module's imports with everything else (see <see cref="Instantiate"/>).
    /// </summary>
    public WasmGuestBuilder ConfigureLinker(Action<Linker, Store> setup)
    {
        _linkerSetup.Add(setup);
        return this;
    }

    /// <summary>Validates, defines every import, instantiates and initializes the guest.</summary>
    /// <exception cref="WasmBindingException">
    /// An import does not match what the host defines, or nothing defines it; or the memory is not a wasm32 memory.
    /// Every mismatch is listed, before the module is instantiated.
    /// </exception>
    /// <exception cref="WasmCallException">
    /// The start function or <c>_initialize</c> failed: a <see cref="WasmTrapException"/> (or a
    /// <see cref="WasmHostCallbackException"/> when a host function it called threw) whose
    /// <see cref="WasmCallException.Method"/> is <c>module._initialize</c> or <c>module.(start function)</c>.
    /// </exception>
    public WasmGuest Instantiate() => Timed(this, static builder =>
    {
        var mismatches = builder.ValidateImports();
        ImportProbe.AddMemory64(builder._module, builder._memoryExport, mismatches);
        return builder.InstantiateCore(mismatches);
    });

    /// <summary>Runs one instantiation, measured when something listens to instantiations (WasmMarshalTelemetry).</summary>
    /// <remarks>A static delegate and its state, so that an instantiation allocates no closure.</remarks>
    internal WasmGuest Timed<TState>(TState state, Func<TState, WasmGuest> instantiate)
    {
        if (!Diagnostics.WasmMarshalTelemetry.IsListeningToInstantiations)
        {
            return instantiate(state);
        }

        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        WasmGuest guest;
        try
        {
            guest = instantiate(state);
        }
        catch (Exception failure)
        {
            Diagnostics.WasmMarshalTelemetry.Instantiated(GuestName, start, failure);
            throw;
        }

        Diagnostics.WasmMarshalTelemetry.Instantiated(GuestName, start, null);
        return guest;
    }

    /// <summary>
    /// Works out everything that is the same for every instance, once: the profile, the validated imports, and (when
    /// nothing here needs a linker per instance) one linker with every host function defined, shared by all instances.
    /// The template then instantiates from any thread; this builder may be changed or dropped afterwards.
    /// </summary>
    /// <exception cref="WasmBindingException">An import does not match, or nothing defines it; every mismatch is listed.</exception>
    /// <exception cref="InvalidOperationException">A store was given with <see cref="WithStore"/>: a template makes one per instance.</exception>
    public Hosting.WasmGuestTemplate Prepare()
    {
        if (_store is not null || _linker is not null)
        {
            throw new InvalidOperationException(
                "A template creates the store and linker of every instance: do not give them with WithStore or WithLinker.");
        }

        var snapshot = Snapshot();
        _ = snapshot.Profile;
        snapshot._plan = snapshot.MakePlan();
        var mismatches = snapshot.ValidateImports();
        ImportProbe.AddMemory64(snapshot._module, snapshot._memoryExport, mismatches);
        Linker? shared = snapshot.CanShareLinker ? snapshot.DefineShared() : null;
        if (shared is not null)
        {
            using var store = new Store(snapshot._engine);
            ImportProbe.AddUnfit(shared, store, snapshot._module, mismatches);
        }
        else
        {
            using var store = new Store(snapshot._engine);
            using var linker = snapshot.DefinePerInstanceForProbe(store);
            ImportProbe.AddUnfit(linker, store, snapshot._module, mismatches);
        }

        if (mismatches.Count > 0)
        {
            shared?.Dispose();
            throw new WasmBindingException(snapshot.BindingTarget, mismatches, ImportProbe.Hint(mismatches));
        }

        var wasi = snapshot._plan.DefinesWasi ? snapshot._wasi ?? new WasiConfiguration() : null;
        return new Hosting.WasmGuestTemplate(snapshot, shared, wasi, snapshot.Profile);
    }

    internal Engine EngineOfTemplate => _engine;

    internal Module ModuleOfTemplate => _module;

    /// <summary>A copy that later changes to this builder do not reach: a template reads it from many threads.</summary>
    private WasmGuestBuilder Snapshot()
    {
        var copy = new WasmGuestBuilder(_engine, _module)
        {
            _linker = _linker,
            _wasi = _wasi,
            _wasiExplicit = _wasiExplicit,
            _allocator = _allocator,
            _guestHeap = _guestHeap,
            _memoryExport = _memoryExport,
            _hostHeapImports = _hostHeapImports,
            _hostHeapRegion = _hostHeapRegion,
            _callInitialize = _callInitialize,
            _trapPolicy = _trapPolicy,
            _maximumWasmStack = _maximumWasmStack,
            _profile = _profile,
            _name = _name,
        };
        copy._exports.AddRange(_exports);
        copy._linkerSetup.AddRange(_linkerSetup);
        return copy;
    }

    /// <summary>What an instantiation defines, worked out from the module once per builder (or template).</summary>
    private sealed record InstancePlan(
        bool DefinesWasi, HostHeapImportNames? HostHeapImports, bool DefinesEmscriptenGrowth, bool DefinesAssemblyScriptAbort,
        bool ExportsInitialize);

    private InstancePlan? _plan;

    private InstancePlan MakePlan() => new(
        _wasiExplicit || _module.Imports.Any(i => i.ModuleName == WasiModule),
        HostHeapImportsToDefine(),
        ImportsUndefined(EmscriptenGrowth.Module, EmscriptenGrowth.Name),
        ImportsAssemblyScriptAbort(),
        _module.Exports.Any(e => e is FunctionExport { Name: "_initialize", Parameters.Count: 0, Results.Count: 0 }));

    /// <summary>
    /// Whether one linker can serve every instance: nothing here captures an instance (every [WasmExport] binder has
    /// its define-once form; no host heap, whose functions capture their heap; no ConfigureLinker callback, which takes
    /// a store; no linker given, which the caller may change).
    /// </summary>
    private bool CanShareLinker =>
        _linker is null && _linkerSetup.Count == 0 && _plan!.HostHeapImports is null && _exports.All(e => e.Binding.CanDefineOnce);

    /// <summary>The shared linker: every host function defined once, each finding its guest through the store's data.</summary>
    private Linker DefineShared()
    {
        var plan = _plan!;
        var linker = new Linker(_engine);
        try
        {
            if (plan.DefinesWasi)
            {
                linker.DefineWasi();
            }

            foreach (var (binding, implementation) in _exports)
            {
                binding.DefineOnce(linker, implementation);
            }

            if (plan.DefinesEmscriptenGrowth)
            {
                linker.DefineFunction(EmscriptenGrowth.Module, EmscriptenGrowth.Name,
                    (Caller caller, int memoryIndex) => Hosting.WasmStoreContext.Guest(caller).OnMemoryGrowthNotified(memoryIndex));
            }

            if (plan.DefinesAssemblyScriptAbort)
            {
                linker.DefineFunction(AssemblyScriptAbortImport.Module, AssemblyScriptAbortImport.Name,
                    (Caller caller, int message, int fileName, int line, int column) =>
                        throw new AssemblyScriptAbortSignal(AssemblyScriptAbort.Decode(
                            Hosting.WasmStoreContext.Guest(caller).Memory, message, fileName, line, column)));
            }

            return linker;
        }
        catch
        {
            linker.Dispose();
            throw;
        }
    }

    /// <summary>A linker defined as one per-instance instantiation would define it, to probe the imports once.</summary>
    private Linker DefinePerInstanceForProbe(Store store)
    {
        var linker = new Linker(_engine);
        var guest = new WasmGuest(_engine, _module, store, ownsStore: false, linker, ownsLinker: false, _allocator, _guestHeap, _memoryExport, GuestName);
        DefinePerInstance(_plan!, guest, linker, store, out _);
        return linker;
    }

    /// <summary>One instance from the shared linker of a template: a store whose data is the guest, instantiate, initialize.</summary>
    internal WasmGuest InstantiateShared(Linker linker, Hosting.WasmInstancePre? pre, WasiConfiguration? wasi, Profiles.GuestProfile profile)
    {
        var store = new Store(_engine);
        var guest = new WasmGuest(_engine, _module, store, ownsStore: true, linker, ownsLinker: false, _allocator, _guestHeap, _memoryExport, GuestName)
        {
            TrapPolicy = _trapPolicy,
            MaximumWasmStack = _maximumWasmStack,
        };
        guest.UseProfile(profile);
        store.SetData(guest);
        try
        {
            if (wasi is not null)
            {
                store.SetWasiConfiguration(wasi);
            }

            guest.Attach(InstantiateModule(linker, store, pre));
            if (_callInitialize && _plan!.ExportsInitialize && guest.Instance.GetAction("_initialize") is { } initialize)
            {
                Initialize(initialize);
            }

            Diagnostics.WasmMarshalTelemetry.Register(guest);
            return guest;
        }
        catch
        {
            guest.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Defines every import, instantiates and initializes; probes the imports first when <paramref name="mismatches"/>
    /// is given (a template probed them once already and passes null).
    /// </summary>
    internal WasmGuest InstantiateCore(List<BindingMismatch>? mismatches)
    {
        var plan = _plan ?? MakePlan(); // a builder may change between instantiations; a template's plan is fixed
        bool ownsStore = _store is null;
        bool ownsLinker = _linker is null;
        var store = _store ?? new Store(_engine);
        var linker = _linker ?? new Linker(_engine);
        var guest = new WasmGuest(_engine, _module, store, ownsStore, linker, ownsLinker, _allocator, _guestHeap, _memoryExport, GuestName)
        {
            TrapPolicy = _trapPolicy,
            MaximumWasmStack = _maximumWasmStack,
        };
        if (_profile is { } profile)
        {
            guest.UseProfile(profile);
        }

        try
        {
            var hostHeap = DefinePerInstance(plan, guest, linker, store, out var hostHeapImports);

            // Only now is everything defined, by this builder, by ConfigureLinker callbacks and in a linker given with
            // WithLinker: ask the linker for each import, so that every one nothing supplies is listed at once (Wasmtime
            // would name only the first).
            if (mismatches is not null)
            {
                ImportProbe.AddUnfit(linker, store, _module, mismatches);
                if (mismatches.Count > 0)
                {
                    throw new WasmBindingException(BindingTarget, mismatches, ImportProbe.Hint(mismatches));
                }
            }

            guest.Attach(InstantiateModule(linker, store));
            if (hostHeapImports is not null)
            {
                var region = GuestAllocatorSource.Regions(guest, _hostHeapRegion == HostHeapRegion.Auto ? HostHeapRegion.HeapBase : _hostHeapRegion)
                    ?? GuestAllocatorSource.Regions(guest, HostHeapRegion.MemoryGrow)!;
                hostHeap.Heap = new HostHeapAllocator(guest.Memory, region);
                guest.SetGuestHeap(hostHeap.Heap);
            }

            if (_callInitialize && plan.ExportsInitialize && guest.Instance.GetAction("_initialize") is { } initialize)
            {
                Initialize(initialize);
            }

            Diagnostics.WasmMarshalTelemetry.Register(guest);
            return guest;
        }
        catch
        {
            guest.Dispose();
            throw;
        }
    }

    /// <summary>The host heap of one instance, created after instantiation; its imports are defined before.</summary>
    private sealed class HostHeapSlot
    {
        public HostHeapAllocator? Heap;
    }

    /// <summary>Defines, in a linker of this instance's own, everything the instance imports from the host.</summary>
    private HostHeapSlot DefinePerInstance(InstancePlan plan, WasmGuest guest, Linker linker, Store store, out HostHeapImportNames? hostHeapImports)
    {
        if (plan.DefinesWasi)
        {
            linker.DefineWasi();
            store.SetWasiConfiguration(_wasi ?? new WasiConfiguration());
        }

        foreach (var (binding, implementation) in _exports)
        {
            binding.Define(linker, guest, implementation);
        }

        var slot = new HostHeapSlot();
        hostHeapImports = plan.HostHeapImports;
        if (hostHeapImports is { } names)
        {
            HostHeapImports.Define(linker, names,
                () => slot.Heap ?? throw new InvalidOperationException("The guest called the host heap during instantiation, before its memory existed."),
                () => guest.Memory);
        }

        if (plan.DefinesEmscriptenGrowth)
        {
            linker.DefineFunction(EmscriptenGrowth.Module, EmscriptenGrowth.Name, (int memoryIndex) => guest.OnMemoryGrowthNotified(memoryIndex));
        }

        if (plan.DefinesAssemblyScriptAbort)
        {
            linker.DefineFunction(AssemblyScriptAbortImport.Module, AssemblyScriptAbortImport.Name,
                (int message, int fileName, int line, int column) =>
                    throw new AssemblyScriptAbortSignal(AssemblyScriptAbort.Decode(guest.Memory, message, fileName, line, column)));
        }

        foreach (var setup in _linkerSetup)
        {
            setup(linker, store);
        }

        return slot;
    }

    /// <summary>
    /// Instantiates the module. A trap in its start function (or an exception from a host function the start function
    /// called) becomes the typed exception a call would give, named <c>module.(start function)</c>; any other failure
    /// is what the import probe leaves to Wasmtime (memory or table sizes that do not fit, store limits), a mismatch.
    /// </summary>
    private Instance InstantiateModule(Linker linker, Store store, Hosting.WasmInstancePre? pre = null)
    {
        try
        {
            return pre is not null ? pre.Instantiate(store) : linker.Instantiate(store, _module);
        }
        catch (WasmtimeException exception) when (exception is TrapException || exception.InnerException is not null)
        {
            throw WasmCallException.FromWasmtime(exception, _module.Name + ".(start function)");
        }
        catch (WasmtimeException exception)
        {
            int newline = exception.Message.IndexOf('\n');
            throw new WasmBindingException(BindingTarget,
                [new BindingMismatch(_module.Name, "instantiation", "imports Wasmtime accepts",
                    newline < 0 ? exception.Message : exception.Message.Substring(0, newline).TrimEnd())]);
        }
    }

    /// <summary>Runs <c>_initialize</c>; a failure is the typed exception a call would give, named <c>module._initialize</c>.</summary>
    private void Initialize(Action initialize)
    {
        try
        {
            initialize();
        }
        catch (WasmtimeException exception)
        {
            throw WasmCallException.FromWasmtime(exception, _module.Name + "._initialize");
        }
    }

    private string BindingTarget => _exports.Count == 0
        ? "the module's imports"
        : string.Join(", ", _exports.Select(e => e.Binding.InterfaceName).Distinct());

    /// <summary>Emscripten's growth signal, imported by STANDALONE_WASM modules built with -sALLOW_MEMORY_GROWTH.</summary>
    private static readonly (string Module, string Name) EmscriptenGrowth = ("env", "emscripten_notify_memory_growth");

    /// <summary>AssemblyScript's <c>abort(message, fileName, line, column)</c>, imported unless built with <c>--use abort=</c>.</summary>
    private static readonly (string Module, string Name) AssemblyScriptAbortImport = ("env", "abort");

    /// <summary>Whether the module is an AssemblyScript guest that imports <c>env.abort</c> and nothing else defines it.</summary>
    private bool ImportsAssemblyScriptAbort() =>
        ImportsUndefined(AssemblyScriptAbortImport.Module, AssemblyScriptAbortImport.Name) && _linkerSetup.Count == 0
        && Profile.HostSuppliedImports.Contains("env.abort");

    private Profiles.GuestProfile Profile => _profile ??= Profiles.GuestProfile.Detect(_module);

    /// <summary>
    /// The host heap imports to define: those asked for with <see cref="WithHostHeapImports"/>, or, for a guest that
    /// imports <c>env.malloc</c> and friends (freestanding C, Emscripten <c>-sMALLOC=none</c>) when nothing else can
    /// define them (no [WasmExport] interface, no <see cref="ConfigureLinker"/> callback, no custom guest heap), the
    /// default ones, because the guest cannot run without them.
    /// </summary>
    private HostHeapImportNames? HostHeapImportsToDefine()
    {
        if (_hostHeapImports is not null)
        {
            return _hostHeapImports;
        }

        var names = HostHeapImportNames.Default;
        bool importsHeap = _module.Imports.Any(i => i.ModuleName == names.Module && names.Signatures.Any(s => s.Name == i.Name));
        bool definedElsewhere = _linkerSetup.Count > 0
            || !ReferenceEquals(_guestHeap, GuestAllocatorSource.Auto)
            || _exports.Any(e => e.Binding.Module == names.Module && e.Binding.Functions.Any(f => names.Signatures.Any(s => s.Name == f.Name)));
        return importsHeap && !definedElsewhere && Profile.Allocator == Profiles.GuestAllocatorKind.HostHeapImports ? names : null;
    }

    private IEnumerable<(string Module, string Name, string Signature, string Member)> BuiltInImports()
    {
        if (ImportsAssemblyScriptAbort())
        {
            yield return (AssemblyScriptAbortImport.Module, AssemblyScriptAbortImport.Name, "(i32, i32, i32, i32) -> ()", "AssemblyScript abort");
        }

        if (HostHeapImportsToDefine() is { } names)
        {
            foreach (var (name, signature) in names.Signatures)
            {
                yield return (names.Module, name, signature, "host heap " + name);
            }
        }

        if (ImportsUndefined(EmscriptenGrowth.Module, EmscriptenGrowth.Name))
        {
            yield return (EmscriptenGrowth.Module, EmscriptenGrowth.Name, "(i32) -> ()", "growth notification");
        }
    }

    /// <summary>Whether the module imports this function and no [WasmExport] interface defines it.</summary>
    private bool ImportsUndefined(string module, string name) =>
        _module.Imports.Any(i => i.ModuleName == module && i.Name == name)
        && !_exports.Any(e => e.Binding.Module == module && e.Binding.Functions.Any(f => f.Name == name))
        && !(HostHeapImportsToDefine() is { } h && h.Module == module && h.Signatures.Any(s => s.Name == name));

    /// <summary>
    /// Checks the imports that <c>[WasmExport]</c> interfaces and the builder define against the module, without a
    /// linker: a host function the guest imports with another type, or a name in a host module that nothing defines.
    /// </summary>
    private List<BindingMismatch> ValidateImports()
    {
        var defined = new Dictionary<(string Module, string Name), (WasmFunctionDescriptor Function, string Interface)>();
        foreach (var (binding, _) in _exports)
        {
            foreach (var function in binding.Functions)
            {
                defined[(binding.Module, function.Name)] = (function, binding.InterfaceName);
            }
        }

        foreach (var (module, name, signature, member) in BuiltInImports())
        {
            defined.TryAdd((module, name), (new WasmFunctionDescriptor(name, member, CoreSignature.Parse(signature)), "WasmMarshal"));
        }

        var hostModules = new HashSet<string>(_exports.Select(e => e.Binding.Module));
        if (HostHeapImportsToDefine() is { } hostHeapNames)
        {
            hostModules.Add(hostHeapNames.Module);
        }

        var mismatches = new List<BindingMismatch>();
        foreach (var import in _module.Imports)
        {
            string item = import.ModuleName + "." + import.Name;
            if (defined.TryGetValue((import.ModuleName, import.Name), out var host))
            {
                string member = host.Interface + "." + host.Function.Method;
                if (import is not FunctionImport function)
                {
                    mismatches.Add(new BindingMismatch(item, member, "a function import " + host.Function.Signature,
                        $"a {import.GetType().Name.Replace("Import", "").ToLowerInvariant()} import"));
                    continue;
                }

                if (!host.Function.Signature.Matches(function.Parameters, function.Results))
                {
                    // The guest's declaration is what differs: it imports this name with another type.
                    mismatches.Add(new BindingMismatch(item, member, host.Function.Signature.ToString(),
                        WasmSignature.Format(function.Parameters, function.Results)));
                }
            }
            else if (hostModules.Contains(import.ModuleName) && _linkerSetup.Count == 0 && import is FunctionImport unknown)
            {
                mismatches.Add(new BindingMismatch(item, "the guest's imports",
                    "a host function defined by a [WasmExport(\"" + import.ModuleName + "\")] interface",
                    "nothing defines it (the guest imports " + WasmSignature.Format(unknown.Parameters, unknown.Results) + ")"));
            }
        }

        return mismatches;
    }
}
