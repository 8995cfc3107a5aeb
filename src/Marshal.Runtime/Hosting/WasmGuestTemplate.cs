using System;
using Wasmtime;

namespace WasmMarshal.Hosting;

/// <summary>
/// Everything about a guest that is the same for every instance, worked out once by
/// <see cref="WasmGuestBuilder.Prepare"/>: the module's profile, the validated imports, the instantiation plan, and,
/// when nothing needs one per instance, one linker with every host function defined once. <see cref="Instantiate"/>
/// then makes a fresh instance (its own store, memory and globals) from any thread.
/// </summary>
/// <remarks>
/// <para>
/// The shared linker is used when every <c>[WasmExport]</c> interface has a define-once binder
/// (<see cref="Binding.WasmExportBinding.CanDefineOnce"/>; every generated binder has one, its <c>DefineOnce</c>): its
/// host functions find their guest per call through the store's data (<see cref="WasmStoreContext.Guest"/>), so one
/// definition serves every instance. Otherwise (a hand-written binder that only captures its guest, host heap imports,
/// <see cref="WasmGuestBuilder.ConfigureLinker"/> callbacks), each
/// instance gets a linker of its own, as with the builder, but without validating or probing the imports again.
/// <see cref="SharesLinker"/> tells which.
/// </para>
/// <para>
/// The store of every instance carries its <see cref="WasmGuest"/> as data: do not replace it with
/// <see cref="Store.SetData"/>.
/// </para>
/// </remarks>
public sealed class WasmGuestTemplate : IDisposable
{
    private readonly WasmGuestBuilder _builder;
    private readonly Linker? _sharedLinker;
    private readonly WasmInstancePre? _pre;
    private readonly WasiConfiguration? _wasi;
    private readonly Profiles.GuestProfile _profile;
    private volatile bool _disposed;

    internal WasmGuestTemplate(WasmGuestBuilder builder, Linker? sharedLinker, WasiConfiguration? wasi, Profiles.GuestProfile profile)
    {
        _builder = builder;
        _sharedLinker = sharedLinker;
        _pre = sharedLinker is null ? null : WasmInstancePre.TryCreate(sharedLinker, builder.ModuleOfTemplate);
        _wasi = wasi;
        _profile = profile;
    }

    /// <summary>The engine every instance runs on.</summary>
    public Engine Engine => _builder.EngineOfTemplate;

    /// <summary>The compiled module every instance is made from.</summary>
    public Module Module => _builder.ModuleOfTemplate;

    /// <summary>The module's conventions, detected once and shared by every instance.</summary>
    public Profiles.GuestProfile Profile => _profile;

    /// <summary>
    /// Whether every instance is linked through one linker defined once (true), or each defines its own because some
    /// host function captures its instance (false; see the remarks).
    /// </summary>
    public bool SharesLinker => _sharedLinker is not null;

    /// <summary>
    /// Whether instances skip import resolution through Wasmtime's <c>InstancePre</c> (only with a shared linker, and
    /// where this Wasmtime .NET build lets it be bound; otherwise they instantiate through the linker).
    /// </summary>
    public bool UsesInstancePre => _pre is not null;

    /// <summary>
    /// A fresh instance: a new store, linked, instantiated and initialized (<c>_initialize</c>) as the builder would.
    /// Safe from any thread at once. The caller disposes it.
    /// </summary>
    /// <exception cref="WasmCallException">The start function or <c>_initialize</c> failed.</exception>
    /// <exception cref="WasmBindingException">Wasmtime refused the instantiation (for example a store limit).</exception>
    /// <exception cref="ObjectDisposedException">The template is disposed.</exception>
    public WasmGuest Instantiate()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(WasmGuestTemplate));
        }

        return _builder.Timed(this, static template => template._sharedLinker is { } linker
            ? template._builder.InstantiateShared(linker, template._pre, template._wasi, template._profile)
            : template._builder.InstantiateCore(mismatches: null));
    }

    /// <summary>
    /// Disposes the shared linker. Instances already made keep working; later instantiations throw. Not while an
    /// <see cref="Instantiate"/> is running on another thread.
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        _pre?.Dispose();
        _sharedLinker?.Dispose();
    }
}
