using System;
using System.Collections.Generic;
using System.Linq;
using Wasmtime;
using WasmMarshal.Binding;

namespace WasmMarshal.Canonical;

/// <summary>
/// An instantiated canonical-ABI core module (what wit-component wraps into a component), for the stubs the generator
/// emits for <see cref="WasmCanonicalAbiAttribute"/> interfaces: <c>guest.Import&lt;IApi&gt;()</c> or
/// <c>IApi.Bind(guest)</c>. Made by <see cref="Builder"/>, which defines the host interfaces the guest imports first.
/// </summary>
public sealed class CanonicalGuest : IDisposable
{
    private readonly Memory? _memory;
    private GuestMemory? _guestMemory;
    private CanonicalRealloc? _realloc;

    private readonly bool _memoryNeverMoves;

    internal CanonicalGuest(Module module, Store store, Instance instance, CanonicalNaming naming, bool memoryNeverMoves = false)
    {
        _memoryNeverMoves = memoryNeverMoves;
        Module = module;
        Store = store;
        Instance = instance;
        Naming = naming;
        _memory = instance.GetMemory(CanonicalExports.MemoryNameOf(naming));
    }

    /// <summary>Starts building a guest of <paramref name="module"/> on <paramref name="engine"/>.</summary>
    public static CanonicalGuestBuilder Builder(Engine engine, Module module) => new(engine, module);

    /// <summary>The core module.</summary>
    public Module Module { get; }

    /// <summary>The store the instance lives in (disposed with the guest).</summary>
    public Store Store { get; }

    /// <summary>The instance.</summary>
    public Instance Instance { get; }

    private Interop.NativeInstance? _native;

    /// <summary>The store and instance as the C API sees them, for direct export calls (Interop.DirectExport).</summary>
    internal Interop.NativeInstance Native => _native ??= new(Store, Instance);

    /// <summary>The export-naming scheme the module uses.</summary>
    public CanonicalNaming Naming { get; }

    /// <summary>The guest's memory (<c>memory</c> or <c>cm32p2_memory</c>).</summary>
    public GuestMemory Memory => _guestMemory ??= new GuestMemory(_memory
        ?? throw new InvalidOperationException($"The module exports no memory named '{CanonicalExports.MemoryNameOf(Naming)}'; the bind-time check should have said so."),
        _memoryNeverMoves);

    /// <summary>The guest's <c>realloc</c> (<c>cabi_realloc</c> or <c>cm32p2_realloc</c>).</summary>
    public CanonicalRealloc Realloc
    {
        get
        {
            if (_realloc is null)
            {
                string name = CanonicalExports.ReallocNameOf(Naming);
                var function = Interop.WasmExports.Function<int, int, int, int, int>(this, name)
                    ?? throw new InvalidOperationException($"The module exports no '{name}' of type (i32, i32, i32, i32) -> i32; the bind-time check should have said so.");
                _realloc = new CanonicalRealloc(Memory, function, name);
            }

            return _realloc;
        }
    }

    /// <summary>A check of this module's exports for <paramref name="target"/> (generated <c>Bind</c> methods use it).</summary>
    public CanonicalExports Exports(string target) => new(Module, target);

    /// <summary>The generated stub of the <c>[WasmImport, WasmCanonicalAbi]</c> interface <typeparamref name="T"/>.</summary>
    public T Import<T>() where T : class => CanonicalBindings.GetImport<T>()(this);

    /// <summary>Disposes the store.</summary>
    public void Dispose() => Store.Dispose();
}

/// <summary>Defines the host interfaces a canonical guest imports, checks them against the module, and instantiates it.</summary>
public sealed class CanonicalGuestBuilder
{
    private readonly Engine _engine;
    private readonly Module _module;
    private readonly List<Action<CanonicalHostImports>> _hosts = new();
    private WasiConfiguration? _wasi;

    internal CanonicalGuestBuilder(Engine engine, Module module)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _module = module ?? throw new ArgumentNullException(nameof(module));
    }

    /// <summary>Serves the <c>[WasmExport, WasmCanonicalAbi]</c> interface <typeparamref name="T"/> to the guest.</summary>
    public CanonicalGuestBuilder WithHost<T>(T implementation) where T : class
    {
        ArgumentNullException.ThrowIfNull(implementation);
        var define = CanonicalBindings.GetExport<T>();
        _hosts.Add(imports => define(imports, implementation));
        return this;
    }

    /// <summary>
    /// Defines WASI preview 1 (<c>wasi_snapshot_preview1</c>) in the linker and gives the store
    /// <paramref name="configuration"/>: for a core module built for wasm32-wasi (what the preview 1 adapter wraps in a
    /// component).
    /// </summary>
    public CanonicalGuestBuilder WithWasi(WasiConfiguration configuration)
    {
        _wasi = configuration ?? throw new ArgumentNullException(nameof(configuration));
        return this;
    }

    /// <summary>Defines imports by hand (a generated <c>Define</c> method, or any function through <see cref="CanonicalHostImports.Linker"/>).</summary>
    public CanonicalGuestBuilder WithImports(Action<CanonicalHostImports> define)
    {
        ArgumentNullException.ThrowIfNull(define);
        _hosts.Add(define);
        return this;
    }

    /// <summary>
    /// Defines every host interface, checks each against the module's imports (one <see cref="WasmBindingException"/>
    /// lists every import of a served interface that is missing or has another type), instantiates the module and calls
    /// its initialize export when it has one.
    /// </summary>
    public CanonicalGuest Instantiate()
    {
        var exports = new CanonicalExports(_module, "canonical guest");
        var store = new Store(_engine);
        try
        {
            using var linker = new Linker(_engine);
            if (_wasi is not null)
            {
                linker.DefineWasi();
                store.SetWasiConfiguration(_wasi);
            }

            var imports = new CanonicalHostImports(linker, _module, exports);
            foreach (var host in _hosts)
            {
                host(imports);
            }

            imports.Complete();
            Instance instance = linker.Instantiate(store, _module);
            var guest = new CanonicalGuest(_module, store, instance, exports.Naming, Hosting.WasmEngines.MemoryNeverMoves(_engine));
            imports.Guest = guest;
            if (exports.HasInitialize)
            {
                try
                {
                    instance.GetAction(exports.InitializeName)?.Invoke();
                }
                catch (WasmtimeException ex)
                {
                    throw WasmCallException.FromWasmtime(ex, "module." + exports.InitializeName);
                }
            }

            return guest;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}

/// <summary>
/// What a generated canonical <c>Define</c> method defines host functions with: the linker, the import-module names of
/// the module's naming scheme, and (once instantiated) the guest whose memory and realloc the functions use.
/// </summary>
public sealed class CanonicalHostImports
{
    private readonly Module _module;
    private readonly CanonicalExports _exports;
    private readonly Dictionary<(string Module, string Name), Import> _imports = new();
    private readonly HashSet<string> _servedModules = new(StringComparer.Ordinal);
    private readonly HashSet<(string Module, string Name)> _defined = new();
    private readonly List<BindingMismatch> _mismatches = new();
    private readonly List<string> _targets = new();
    private CanonicalGuest? _guest;

    internal CanonicalHostImports(Linker linker, Module module, CanonicalExports exports)
    {
        Linker = linker;
        _module = module;
        _exports = exports;
        foreach (var import in module.Imports)
        {
            _imports[(import.ModuleName, import.Name)] = import;
        }
    }

    /// <summary>The linker the functions are defined in.</summary>
    public Linker Linker { get; }

    /// <summary>The naming scheme of the module.</summary>
    public CanonicalNaming Naming => _exports.Naming;

    /// <summary>The instantiated guest; host functions read its memory and realloc through it when they are called.</summary>
    public CanonicalGuest Guest
    {
        get => _guest ?? throw new InvalidOperationException("The guest called a host function before its instantiation finished.");
        internal set => _guest = value;
    }

    /// <summary>The import module of the WIT interface <paramref name="interfaceName"/> under the module's scheme.</summary>
    public string ModuleOf(string? interfaceName) => _exports.ImportModule(interfaceName);

    /// <summary>
    /// Records that <paramref name="function"/> of <paramref name="interfaceName"/> is defined with the core type
    /// <paramref name="signature"/>; a module importing it with another type is a mismatch. Returns whether the module
    /// imports it at all (a function it does not import need not be defined).
    /// </summary>
    public bool Expect(string? interfaceName, string function, string member, string signature)
    {
        string module = ModuleOf(interfaceName);
        _servedModules.Add(module);
        if (!_targets.Contains(member.Split('.')[0]))
        {
            _targets.Add(member.Split('.')[0]);
        }

        if (!_imports.TryGetValue((module, function), out var import))
        {
            return false;
        }

        _defined.Add((module, function));
        if (import is not FunctionImport f)
        {
            _mismatches.Add(new BindingMismatch(module + "." + function, member, "a function " + signature, "an import of another kind"));
            return false;
        }

        string found = WasmSignature.Format(f.Parameters, f.Results);
        if (found != signature)
        {
            _mismatches.Add(new BindingMismatch(module + "." + function, member, signature, found));
            return false;
        }

        return true;
    }

    /// <summary>Records that a host function of <paramref name="member"/> returns strings or lists through the guest's realloc.</summary>
    public void RequireRealloc(string member)
    {
        _exports.ExpectMemory(member);
        _exports.ExpectRealloc(member);
    }

    /// <summary>Records that a host function of <paramref name="member"/> reads or writes guest memory.</summary>
    public void RequireMemory(string member) => _exports.ExpectMemory(member);

    internal void Complete()
    {
        foreach (var ((module, name), import) in _imports)
        {
            if (_servedModules.Contains(module) && !_defined.Contains((module, name)))
            {
                _mismatches.Add(new BindingMismatch(module + "." + name, string.Join(", ", _targets), "a function of the interface",
                    "imported by the module, but the interface has no such function"));
            }
        }

        var all = _exports.Mismatches.Distinct().Concat(_mismatches).ToArray();
        if (all.Length > 0)
        {
            throw new WasmBindingException(_targets.Count > 0 ? string.Join(", ", _targets) : "canonical guest", all);
        }
    }
}

/// <summary>The generated canonical stubs and host definitions, registered by module initializers.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class CanonicalBindings
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, object> s_imports = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, object> s_exports = new();

    /// <summary>Registers the stub factory of a <c>[WasmImport, WasmCanonicalAbi]</c> interface.</summary>
    public static void RegisterImport<T>(Func<CanonicalGuest, T> factory) where T : class => s_imports[typeof(T)] = factory;

    /// <summary>Registers the host definition of a <c>[WasmExport, WasmCanonicalAbi]</c> interface.</summary>
    public static void RegisterExport<T>(Action<CanonicalHostImports, T> define) where T : class => s_exports[typeof(T)] = define;

    /// <summary>The registered stub factory of <typeparamref name="T"/>.</summary>
    public static Func<CanonicalGuest, T> GetImport<T>() where T : class =>
        s_imports.TryGetValue(typeof(T), out var factory)
            ? (Func<CanonicalGuest, T>)factory
            : throw new InvalidOperationException(
                $"{typeof(T).FullName} has no generated canonical stub. Mark it [WasmImport] and [WasmCanonicalAbi], make it partial, and reference the WasmMarshal generator.");

    /// <summary>The registered host definition of <typeparamref name="T"/>.</summary>
    public static Action<CanonicalHostImports, T> GetExport<T>() where T : class =>
        s_exports.TryGetValue(typeof(T), out var define)
            ? (Action<CanonicalHostImports, T>)define
            : throw new InvalidOperationException(
                $"{typeof(T).FullName} has no generated canonical host definition. Mark it [WasmExport] and [WasmCanonicalAbi], make it partial, and reference the WasmMarshal generator.");
}
