// Written by tools/generate-export-arities.py. Do not edit: change the script and run it again.
#nullable enable
using System;
using System.Runtime.CompilerServices;
using Wasmtime;

namespace WasmMarshal.Interop;

public static partial class WasmExports
{
    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<TResult>? Function<TResult>(WasmGuest guest, string name) where TResult : unmanaged =>
        Function<TResult>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<TResult>? Function<TResult>(Canonical.CanonicalGuest guest, string name) where TResult : unmanaged =>
        Function<TResult>(guest.Module, guest.Instance, guest.Native, name);

    private static Func<TResult>? Function<TResult>(Module module, Instance instance, NativeInstance native, string name) where TResult : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [];
        return DirectExport.TryCreate(module, instance, native, name, parameters, KindOf<TResult>()) is { } direct
            ? direct.Invoke<TResult>
            : instance.GetFunction<TResult>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action? Action(WasmGuest guest, string name) =>
        Action(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action? Action(Canonical.CanonicalGuest guest, string name) =>
        Action(guest.Module, guest.Instance, guest.Native, name);

    private static Action? Action(Module module, Instance instance, NativeInstance native, string name)
    {
        ReadOnlySpan<ValueKind> parameters = [];
        return DirectExport.TryCreate(module, instance, native, name, parameters, null) is { } direct
            ? direct.Run
            : instance.GetAction(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, TResult>? Function<T1, TResult>(WasmGuest guest, string name) where T1 : unmanaged where TResult : unmanaged =>
        Function<T1, TResult>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, TResult>? Function<T1, TResult>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where TResult : unmanaged =>
        Function<T1, TResult>(guest.Module, guest.Instance, guest.Native, name);

    private static Func<T1, TResult>? Function<T1, TResult>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where TResult : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, KindOf<TResult>()) is { } direct
            ? direct.Invoke<T1, TResult>
            : instance.GetFunction<T1, TResult>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1>? Action<T1>(WasmGuest guest, string name) where T1 : unmanaged =>
        Action<T1>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1>? Action<T1>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged =>
        Action<T1>(guest.Module, guest.Instance, guest.Native, name);

    private static Action<T1>? Action<T1>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, null) is { } direct
            ? direct.Run<T1>
            : instance.GetAction<T1>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, TResult>? Function<T1, T2, TResult>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, TResult>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, TResult>? Function<T1, T2, TResult>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, TResult>(guest.Module, guest.Instance, guest.Native, name);

    private static Func<T1, T2, TResult>? Function<T1, T2, TResult>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where TResult : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, KindOf<TResult>()) is { } direct
            ? direct.Invoke<T1, T2, TResult>
            : instance.GetFunction<T1, T2, TResult>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2>? Action<T1, T2>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged =>
        Action<T1, T2>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2>? Action<T1, T2>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged =>
        Action<T1, T2>(guest.Module, guest.Instance, guest.Native, name);

    private static Action<T1, T2>? Action<T1, T2>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, null) is { } direct
            ? direct.Run<T1, T2>
            : instance.GetAction<T1, T2>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, TResult>? Function<T1, T2, T3, TResult>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, TResult>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, TResult>? Function<T1, T2, T3, TResult>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, TResult>(guest.Module, guest.Instance, guest.Native, name);

    private static Func<T1, T2, T3, TResult>? Function<T1, T2, T3, TResult>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where TResult : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, KindOf<TResult>()) is { } direct
            ? direct.Invoke<T1, T2, T3, TResult>
            : instance.GetFunction<T1, T2, T3, TResult>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3>? Action<T1, T2, T3>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged =>
        Action<T1, T2, T3>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3>? Action<T1, T2, T3>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged =>
        Action<T1, T2, T3>(guest.Module, guest.Instance, guest.Native, name);

    private static Action<T1, T2, T3>? Action<T1, T2, T3>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, null) is { } direct
            ? direct.Run<T1, T2, T3>
            : instance.GetAction<T1, T2, T3>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, TResult>? Function<T1, T2, T3, T4, TResult>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, TResult>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, TResult>? Function<T1, T2, T3, T4, TResult>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, TResult>(guest.Module, guest.Instance, guest.Native, name);

    private static Func<T1, T2, T3, T4, TResult>? Function<T1, T2, T3, T4, TResult>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where TResult : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, KindOf<TResult>()) is { } direct
            ? direct.Invoke<T1, T2, T3, T4, TResult>
            : instance.GetFunction<T1, T2, T3, T4, TResult>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4>? Action<T1, T2, T3, T4>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged =>
        Action<T1, T2, T3, T4>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4>? Action<T1, T2, T3, T4>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged =>
        Action<T1, T2, T3, T4>(guest.Module, guest.Instance, guest.Native, name);

    private static Action<T1, T2, T3, T4>? Action<T1, T2, T3, T4>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, null) is { } direct
            ? direct.Run<T1, T2, T3, T4>
            : instance.GetAction<T1, T2, T3, T4>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, TResult>? Function<T1, T2, T3, T4, T5, TResult>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, TResult>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, TResult>? Function<T1, T2, T3, T4, T5, TResult>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, TResult>(guest.Module, guest.Instance, guest.Native, name);

    private static Func<T1, T2, T3, T4, T5, TResult>? Function<T1, T2, T3, T4, T5, TResult>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where TResult : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, KindOf<TResult>()) is { } direct
            ? direct.Invoke<T1, T2, T3, T4, T5, TResult>
            : instance.GetFunction<T1, T2, T3, T4, T5, TResult>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5>? Action<T1, T2, T3, T4, T5>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged =>
        Action<T1, T2, T3, T4, T5>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5>? Action<T1, T2, T3, T4, T5>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged =>
        Action<T1, T2, T3, T4, T5>(guest.Module, guest.Instance, guest.Native, name);

    private static Action<T1, T2, T3, T4, T5>? Action<T1, T2, T3, T4, T5>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, null) is { } direct
            ? direct.Run<T1, T2, T3, T4, T5>
            : instance.GetAction<T1, T2, T3, T4, T5>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, TResult>? Function<T1, T2, T3, T4, T5, T6, TResult>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, TResult>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, TResult>? Function<T1, T2, T3, T4, T5, T6, TResult>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, TResult>(guest.Module, guest.Instance, guest.Native, name);

    private static Func<T1, T2, T3, T4, T5, T6, TResult>? Function<T1, T2, T3, T4, T5, T6, TResult>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where TResult : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, KindOf<TResult>()) is { } direct
            ? direct.Invoke<T1, T2, T3, T4, T5, T6, TResult>
            : instance.GetFunction<T1, T2, T3, T4, T5, T6, TResult>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6>? Action<T1, T2, T3, T4, T5, T6>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6>? Action<T1, T2, T3, T4, T5, T6>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6>(guest.Module, guest.Instance, guest.Native, name);

    private static Action<T1, T2, T3, T4, T5, T6>? Action<T1, T2, T3, T4, T5, T6>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, null) is { } direct
            ? direct.Run<T1, T2, T3, T4, T5, T6>
            : instance.GetFunction(name) is { } function && DirectExport.HasType(function, parameters, null)
                ? (a1, a2, a3, a4, a5, a6) => function.Invoke(Box(a1), Box(a2), Box(a3), Box(a4), Box(a5), Box(a6))
                : null;
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, TResult>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, TResult>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, TResult>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, TResult>(guest.Module, guest.Instance, guest.Native, name);

    private static Func<T1, T2, T3, T4, T5, T6, T7, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, TResult>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where TResult : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, KindOf<TResult>()) is { } direct
            ? direct.Invoke<T1, T2, T3, T4, T5, T6, T7, TResult>
            : instance.GetFunction<T1, T2, T3, T4, T5, T6, T7, TResult>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7>? Action<T1, T2, T3, T4, T5, T6, T7>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7>? Action<T1, T2, T3, T4, T5, T6, T7>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7>(guest.Module, guest.Instance, guest.Native, name);

    private static Action<T1, T2, T3, T4, T5, T6, T7>? Action<T1, T2, T3, T4, T5, T6, T7>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, null) is { } direct
            ? direct.Run<T1, T2, T3, T4, T5, T6, T7>
            : instance.GetFunction(name) is { } function && DirectExport.HasType(function, parameters, null)
                ? (a1, a2, a3, a4, a5, a6, a7) => function.Invoke(Box(a1), Box(a2), Box(a3), Box(a4), Box(a5), Box(a6), Box(a7))
                : null;
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(guest.Module, guest.Instance, guest.Native, name);

    private static Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where TResult : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, KindOf<TResult>()) is { } direct
            ? direct.Invoke<T1, T2, T3, T4, T5, T6, T7, T8, TResult>
            : instance.GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8>? Action<T1, T2, T3, T4, T5, T6, T7, T8>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8>? Action<T1, T2, T3, T4, T5, T6, T7, T8>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8>(guest.Module, guest.Instance, guest.Native, name);

    private static Action<T1, T2, T3, T4, T5, T6, T7, T8>? Action<T1, T2, T3, T4, T5, T6, T7, T8>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, null) is { } direct
            ? direct.Run<T1, T2, T3, T4, T5, T6, T7, T8>
            : instance.GetFunction(name) is { } function && DirectExport.HasType(function, parameters, null)
                ? (a1, a2, a3, a4, a5, a6, a7, a8) => function.Invoke(Box(a1), Box(a2), Box(a3), Box(a4), Box(a5), Box(a6), Box(a7), Box(a8))
                : null;
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(guest.Module, guest.Instance, guest.Native, name);

    private static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where TResult : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>(), KindOf<T9>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, KindOf<TResult>()) is { } direct
            ? direct.Invoke<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>
            : instance.GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8, T9>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8, T9>(guest.Module, guest.Instance, guest.Native, name);

    private static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>(), KindOf<T9>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, null) is { } direct
            ? direct.Run<T1, T2, T3, T4, T5, T6, T7, T8, T9>
            : instance.GetFunction(name) is { } function && DirectExport.HasType(function, parameters, null)
                ? (a1, a2, a3, a4, a5, a6, a7, a8, a9) => function.Invoke(Box(a1), Box(a2), Box(a3), Box(a4), Box(a5), Box(a6), Box(a7), Box(a8), Box(a9))
                : null;
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(guest.Module, guest.Instance, guest.Native, name);

    private static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where TResult : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>(), KindOf<T9>(), KindOf<T10>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, KindOf<TResult>()) is { } direct
            ? direct.Invoke<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>
            : instance.GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(guest.Module, guest.Instance, guest.Native, name);

    private static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>(), KindOf<T9>(), KindOf<T10>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, null) is { } direct
            ? direct.Run<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>
            : instance.GetFunction(name) is { } function && DirectExport.HasType(function, parameters, null)
                ? (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10) => function.Invoke(Box(a1), Box(a2), Box(a3), Box(a4), Box(a5), Box(a6), Box(a7), Box(a8), Box(a9), Box(a10))
                : null;
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(guest.Module, guest.Instance, guest.Native, name);

    private static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where TResult : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>(), KindOf<T9>(), KindOf<T10>(), KindOf<T11>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, KindOf<TResult>()) is { } direct
            ? direct.Invoke<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>
            : instance.GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(guest.Module, guest.Instance, guest.Native, name);

    private static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>(), KindOf<T9>(), KindOf<T10>(), KindOf<T11>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, null) is { } direct
            ? direct.Run<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>
            : instance.GetFunction(name) is { } function && DirectExport.HasType(function, parameters, null)
                ? (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11) => function.Invoke(Box(a1), Box(a2), Box(a3), Box(a4), Box(a5), Box(a6), Box(a7), Box(a8), Box(a9), Box(a10), Box(a11))
                : null;
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>(guest.Module, guest.Instance, guest.Native, name);

    private static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where TResult : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>(), KindOf<T9>(), KindOf<T10>(), KindOf<T11>(), KindOf<T12>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, KindOf<TResult>()) is { } direct
            ? direct.Invoke<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>
            : instance.GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(guest.Module, guest.Instance, guest.Native, name);

    private static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>(), KindOf<T9>(), KindOf<T10>(), KindOf<T11>(), KindOf<T12>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, null) is { } direct
            ? direct.Run<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>
            : instance.GetFunction(name) is { } function && DirectExport.HasType(function, parameters, null)
                ? (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12) => function.Invoke(Box(a1), Box(a2), Box(a3), Box(a4), Box(a5), Box(a6), Box(a7), Box(a8), Box(a9), Box(a10), Box(a11), Box(a12))
                : null;
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>(guest.Module, guest.Instance, guest.Native, name);

    private static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where TResult : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>(), KindOf<T9>(), KindOf<T10>(), KindOf<T11>(), KindOf<T12>(), KindOf<T13>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, KindOf<TResult>()) is { } direct
            ? direct.Invoke<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>
            : instance.GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13>(guest.Module, guest.Instance, guest.Native, name);

    private static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>(), KindOf<T9>(), KindOf<T10>(), KindOf<T11>(), KindOf<T12>(), KindOf<T13>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, null) is { } direct
            ? direct.Run<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13>
            : instance.GetFunction(name) is { } function && DirectExport.HasType(function, parameters, null)
                ? (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13) => function.Invoke(Box(a1), Box(a2), Box(a3), Box(a4), Box(a5), Box(a6), Box(a7), Box(a8), Box(a9), Box(a10), Box(a11), Box(a12), Box(a13))
                : null;
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>(guest.Module, guest.Instance, guest.Native, name);

    private static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where TResult : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>(), KindOf<T9>(), KindOf<T10>(), KindOf<T11>(), KindOf<T12>(), KindOf<T13>(), KindOf<T14>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, KindOf<TResult>()) is { } direct
            ? direct.Invoke<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>
            : instance.GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14>(guest.Module, guest.Instance, guest.Native, name);

    private static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>(), KindOf<T9>(), KindOf<T10>(), KindOf<T11>(), KindOf<T12>(), KindOf<T13>(), KindOf<T14>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, null) is { } direct
            ? direct.Run<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14>
            : instance.GetFunction(name) is { } function && DirectExport.HasType(function, parameters, null)
                ? (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14) => function.Invoke(Box(a1), Box(a2), Box(a3), Box(a4), Box(a5), Box(a6), Box(a7), Box(a8), Box(a9), Box(a10), Box(a11), Box(a12), Box(a13), Box(a14))
                : null;
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where T15 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where T15 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>(guest.Module, guest.Instance, guest.Native, name);

    private static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where T15 : unmanaged where TResult : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>(), KindOf<T9>(), KindOf<T10>(), KindOf<T11>(), KindOf<T12>(), KindOf<T13>(), KindOf<T14>(), KindOf<T15>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, KindOf<TResult>()) is { } direct
            ? direct.Invoke<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>
            : instance.GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where T15 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where T15 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15>(guest.Module, guest.Instance, guest.Native, name);

    private static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where T15 : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>(), KindOf<T9>(), KindOf<T10>(), KindOf<T11>(), KindOf<T12>(), KindOf<T13>(), KindOf<T14>(), KindOf<T15>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, null) is { } direct
            ? direct.Run<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15>
            : instance.GetFunction(name) is { } function && DirectExport.HasType(function, parameters, null)
                ? (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15) => function.Invoke(Box(a1), Box(a2), Box(a3), Box(a4), Box(a5), Box(a6), Box(a7), Box(a8), Box(a9), Box(a10), Box(a11), Box(a12), Box(a13), Box(a14), Box(a15))
                : null;
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where T15 : unmanaged where T16 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where T15 : unmanaged where T16 : unmanaged where TResult : unmanaged =>
        Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult>(guest.Module, guest.Instance, guest.Native, name);

    private static Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult>? Function<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where T15 : unmanaged where T16 : unmanaged where TResult : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>(), KindOf<T9>(), KindOf<T10>(), KindOf<T11>(), KindOf<T12>(), KindOf<T13>(), KindOf<T14>(), KindOf<T15>(), KindOf<T16>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, KindOf<TResult>()) is { } direct
            ? direct.Invoke<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult>
            : instance.GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult>(name);
    }

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16>(WasmGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where T15 : unmanaged where T16 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16>(guest.Module, guest.Instance, guest.Native, name);

    /// <summary>The export <paramref name="name"/> of <paramref name="guest"/> as a typed delegate (see the class remarks).</summary>
    public static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16>(Canonical.CanonicalGuest guest, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where T15 : unmanaged where T16 : unmanaged =>
        Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16>(guest.Module, guest.Instance, guest.Native, name);

    private static Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16>? Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16>(Module module, Instance instance, NativeInstance native, string name) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where T15 : unmanaged where T16 : unmanaged
    {
        ReadOnlySpan<ValueKind> parameters = [KindOf<T1>(), KindOf<T2>(), KindOf<T3>(), KindOf<T4>(), KindOf<T5>(), KindOf<T6>(), KindOf<T7>(), KindOf<T8>(), KindOf<T9>(), KindOf<T10>(), KindOf<T11>(), KindOf<T12>(), KindOf<T13>(), KindOf<T14>(), KindOf<T15>(), KindOf<T16>()];
        return DirectExport.TryCreate(module, instance, native, name, parameters, null) is { } direct
            ? direct.Run<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16>
            : instance.GetFunction(name) is { } function && DirectExport.HasType(function, parameters, null)
                ? (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16) => function.Invoke(Box(a1), Box(a2), Box(a3), Box(a4), Box(a5), Box(a6), Box(a7), Box(a8), Box(a9), Box(a10), Box(a11), Box(a12), Box(a13), Box(a14), Box(a15), Box(a16))
                : null;
    }

}

internal sealed unsafe partial class DirectExport
{
    public TResult Invoke<TResult>() where TResult : unmanaged
    {
        RawValue* values = stackalloc RawValue[1];
        Call(values, 1);
        return Load<TResult>(values);
    }

    public void Run()
    {
        RawValue* values = stackalloc RawValue[1];
        Call(values, 1);
    }

    public TResult Invoke<T1, TResult>(T1 a1) where T1 : unmanaged where TResult : unmanaged
    {
        RawValue* values = stackalloc RawValue[1];
        Store(values + 0, a1);
        Call(values, 1);
        return Load<TResult>(values);
    }

    public void Run<T1>(T1 a1) where T1 : unmanaged
    {
        RawValue* values = stackalloc RawValue[1];
        Store(values + 0, a1);
        Call(values, 1);
    }

    public TResult Invoke<T1, T2, TResult>(T1 a1, T2 a2) where T1 : unmanaged where T2 : unmanaged where TResult : unmanaged
    {
        RawValue* values = stackalloc RawValue[2];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Call(values, 2);
        return Load<TResult>(values);
    }

    public void Run<T1, T2>(T1 a1, T2 a2) where T1 : unmanaged where T2 : unmanaged
    {
        RawValue* values = stackalloc RawValue[2];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Call(values, 2);
    }

    public TResult Invoke<T1, T2, T3, TResult>(T1 a1, T2 a2, T3 a3) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where TResult : unmanaged
    {
        RawValue* values = stackalloc RawValue[3];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Call(values, 3);
        return Load<TResult>(values);
    }

    public void Run<T1, T2, T3>(T1 a1, T2 a2, T3 a3) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged
    {
        RawValue* values = stackalloc RawValue[3];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Call(values, 3);
    }

    public TResult Invoke<T1, T2, T3, T4, TResult>(T1 a1, T2 a2, T3 a3, T4 a4) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where TResult : unmanaged
    {
        RawValue* values = stackalloc RawValue[4];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Call(values, 4);
        return Load<TResult>(values);
    }

    public void Run<T1, T2, T3, T4>(T1 a1, T2 a2, T3 a3, T4 a4) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged
    {
        RawValue* values = stackalloc RawValue[4];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Call(values, 4);
    }

    public TResult Invoke<T1, T2, T3, T4, T5, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where TResult : unmanaged
    {
        RawValue* values = stackalloc RawValue[5];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Call(values, 5);
        return Load<TResult>(values);
    }

    public void Run<T1, T2, T3, T4, T5>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged
    {
        RawValue* values = stackalloc RawValue[5];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Call(values, 5);
    }

    public TResult Invoke<T1, T2, T3, T4, T5, T6, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where TResult : unmanaged
    {
        RawValue* values = stackalloc RawValue[6];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Call(values, 6);
        return Load<TResult>(values);
    }

    public void Run<T1, T2, T3, T4, T5, T6>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged
    {
        RawValue* values = stackalloc RawValue[6];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Call(values, 6);
    }

    public TResult Invoke<T1, T2, T3, T4, T5, T6, T7, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where TResult : unmanaged
    {
        RawValue* values = stackalloc RawValue[7];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Call(values, 7);
        return Load<TResult>(values);
    }

    public void Run<T1, T2, T3, T4, T5, T6, T7>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged
    {
        RawValue* values = stackalloc RawValue[7];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Call(values, 7);
    }

    public TResult Invoke<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where TResult : unmanaged
    {
        RawValue* values = stackalloc RawValue[8];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Call(values, 8);
        return Load<TResult>(values);
    }

    public void Run<T1, T2, T3, T4, T5, T6, T7, T8>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged
    {
        RawValue* values = stackalloc RawValue[8];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Call(values, 8);
    }

    public TResult Invoke<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where TResult : unmanaged
    {
        RawValue* values = stackalloc RawValue[9];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Store(values + 8, a9);
        Call(values, 9);
        return Load<TResult>(values);
    }

    public void Run<T1, T2, T3, T4, T5, T6, T7, T8, T9>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged
    {
        RawValue* values = stackalloc RawValue[9];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Store(values + 8, a9);
        Call(values, 9);
    }

    public TResult Invoke<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where TResult : unmanaged
    {
        RawValue* values = stackalloc RawValue[10];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Store(values + 8, a9);
        Store(values + 9, a10);
        Call(values, 10);
        return Load<TResult>(values);
    }

    public void Run<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged
    {
        RawValue* values = stackalloc RawValue[10];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Store(values + 8, a9);
        Store(values + 9, a10);
        Call(values, 10);
    }

    public TResult Invoke<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where TResult : unmanaged
    {
        RawValue* values = stackalloc RawValue[11];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Store(values + 8, a9);
        Store(values + 9, a10);
        Store(values + 10, a11);
        Call(values, 11);
        return Load<TResult>(values);
    }

    public void Run<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged
    {
        RawValue* values = stackalloc RawValue[11];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Store(values + 8, a9);
        Store(values + 9, a10);
        Store(values + 10, a11);
        Call(values, 11);
    }

    public TResult Invoke<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11, T12 a12) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where TResult : unmanaged
    {
        RawValue* values = stackalloc RawValue[12];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Store(values + 8, a9);
        Store(values + 9, a10);
        Store(values + 10, a11);
        Store(values + 11, a12);
        Call(values, 12);
        return Load<TResult>(values);
    }

    public void Run<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11, T12 a12) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged
    {
        RawValue* values = stackalloc RawValue[12];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Store(values + 8, a9);
        Store(values + 9, a10);
        Store(values + 10, a11);
        Store(values + 11, a12);
        Call(values, 12);
    }

    public TResult Invoke<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11, T12 a12, T13 a13) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where TResult : unmanaged
    {
        RawValue* values = stackalloc RawValue[13];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Store(values + 8, a9);
        Store(values + 9, a10);
        Store(values + 10, a11);
        Store(values + 11, a12);
        Store(values + 12, a13);
        Call(values, 13);
        return Load<TResult>(values);
    }

    public void Run<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11, T12 a12, T13 a13) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged
    {
        RawValue* values = stackalloc RawValue[13];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Store(values + 8, a9);
        Store(values + 9, a10);
        Store(values + 10, a11);
        Store(values + 11, a12);
        Store(values + 12, a13);
        Call(values, 13);
    }

    public TResult Invoke<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11, T12 a12, T13 a13, T14 a14) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where TResult : unmanaged
    {
        RawValue* values = stackalloc RawValue[14];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Store(values + 8, a9);
        Store(values + 9, a10);
        Store(values + 10, a11);
        Store(values + 11, a12);
        Store(values + 12, a13);
        Store(values + 13, a14);
        Call(values, 14);
        return Load<TResult>(values);
    }

    public void Run<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11, T12 a12, T13 a13, T14 a14) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged
    {
        RawValue* values = stackalloc RawValue[14];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Store(values + 8, a9);
        Store(values + 9, a10);
        Store(values + 10, a11);
        Store(values + 11, a12);
        Store(values + 12, a13);
        Store(values + 13, a14);
        Call(values, 14);
    }

    public TResult Invoke<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11, T12 a12, T13 a13, T14 a14, T15 a15) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where T15 : unmanaged where TResult : unmanaged
    {
        RawValue* values = stackalloc RawValue[15];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Store(values + 8, a9);
        Store(values + 9, a10);
        Store(values + 10, a11);
        Store(values + 11, a12);
        Store(values + 12, a13);
        Store(values + 13, a14);
        Store(values + 14, a15);
        Call(values, 15);
        return Load<TResult>(values);
    }

    public void Run<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11, T12 a12, T13 a13, T14 a14, T15 a15) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where T15 : unmanaged
    {
        RawValue* values = stackalloc RawValue[15];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Store(values + 8, a9);
        Store(values + 9, a10);
        Store(values + 10, a11);
        Store(values + 11, a12);
        Store(values + 12, a13);
        Store(values + 13, a14);
        Store(values + 14, a15);
        Call(values, 15);
    }

    public TResult Invoke<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11, T12 a12, T13 a13, T14 a14, T15 a15, T16 a16) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where T15 : unmanaged where T16 : unmanaged where TResult : unmanaged
    {
        RawValue* values = stackalloc RawValue[16];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Store(values + 8, a9);
        Store(values + 9, a10);
        Store(values + 10, a11);
        Store(values + 11, a12);
        Store(values + 12, a13);
        Store(values + 13, a14);
        Store(values + 14, a15);
        Store(values + 15, a16);
        Call(values, 16);
        return Load<TResult>(values);
    }

    public void Run<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11, T12 a12, T13 a13, T14 a14, T15 a15, T16 a16) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where T13 : unmanaged where T14 : unmanaged where T15 : unmanaged where T16 : unmanaged
    {
        RawValue* values = stackalloc RawValue[16];
        Store(values + 0, a1);
        Store(values + 1, a2);
        Store(values + 2, a3);
        Store(values + 3, a4);
        Store(values + 4, a5);
        Store(values + 5, a6);
        Store(values + 6, a7);
        Store(values + 7, a8);
        Store(values + 8, a9);
        Store(values + 9, a10);
        Store(values + 10, a11);
        Store(values + 11, a12);
        Store(values + 12, a13);
        Store(values + 13, a14);
        Store(values + 14, a15);
        Store(values + 15, a16);
        Call(values, 16);
    }

}
