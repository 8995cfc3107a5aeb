// Written by tools/generate-host-function-arities.py. Do not edit: change the script and run it again.
#nullable enable
using System;
using Wasmtime;

namespace WasmMarshal.Interop;

public static unsafe partial class WasmHostFunctions
{
    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define(Linker linker, string module, string name, Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [], null, null, () => new Action0(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Action0 : HostFunction
    {
        private readonly Action _body;

        public Action0(Action body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body();
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define(Linker linker, WasmGuest? guest, string module, string name, Action<WasmGuest> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [], null, guest, () => new ActionOfGuest0(body)))
        {
            linker.DefineFunction(module, name, (Caller caller) => body(guest ?? Hosting.WasmStoreContext.Guest(caller)));
        }
    }

    private sealed class ActionOfGuest0 : HostFunction
    {
        private readonly Action<WasmGuest> _body;

        public ActionOfGuest0(Action<WasmGuest> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(GuestOf(caller));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<TResult>(Linker linker, string module, string name, Func<TResult> body) where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [], WasmExports.KindOf<TResult>(), null, () => new Func0<TResult>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Func0<TResult> : HostFunction where TResult : unmanaged
    {
        private readonly Func<TResult> _body;

        public Func0(Func<TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body());
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<TResult>(Linker linker, WasmGuest? guest, string module, string name, Func<WasmGuest, TResult> body) where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [], WasmExports.KindOf<TResult>(), guest, () => new FuncOfGuest0<TResult>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller) => body(guest ?? Hosting.WasmStoreContext.Guest(caller)));
        }
    }

    private sealed class FuncOfGuest0<TResult> : HostFunction where TResult : unmanaged
    {
        private readonly Func<WasmGuest, TResult> _body;

        public FuncOfGuest0(Func<WasmGuest, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(GuestOf(caller)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1>(Linker linker, string module, string name, Action<T1> body) where T1 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>()], null, null, () => new Action1<T1>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Action1<T1> : HostFunction where T1 : unmanaged
    {
        private readonly Action<T1> _body;

        public Action1(Action<T1> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(Read<T1>(values, 0));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1>(Linker linker, WasmGuest? guest, string module, string name, Action<WasmGuest, T1> body) where T1 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>()], null, guest, () => new ActionOfGuest1<T1>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1));
        }
    }

    private sealed class ActionOfGuest1<T1> : HostFunction where T1 : unmanaged
    {
        private readonly Action<WasmGuest, T1> _body;

        public ActionOfGuest1(Action<WasmGuest, T1> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(GuestOf(caller), Read<T1>(values, 0));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, TResult>(Linker linker, string module, string name, Func<T1, TResult> body) where T1 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>()], WasmExports.KindOf<TResult>(), null, () => new Func1<T1, TResult>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Func1<T1, TResult> : HostFunction where T1 : unmanaged where TResult : unmanaged
    {
        private readonly Func<T1, TResult> _body;

        public Func1(Func<T1, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(Read<T1>(values, 0)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, TResult>(Linker linker, WasmGuest? guest, string module, string name, Func<WasmGuest, T1, TResult> body) where T1 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>()], WasmExports.KindOf<TResult>(), guest, () => new FuncOfGuest1<T1, TResult>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1));
        }
    }

    private sealed class FuncOfGuest1<T1, TResult> : HostFunction where T1 : unmanaged where TResult : unmanaged
    {
        private readonly Func<WasmGuest, T1, TResult> _body;

        public FuncOfGuest1(Func<WasmGuest, T1, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(GuestOf(caller), Read<T1>(values, 0)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2>(Linker linker, string module, string name, Action<T1, T2> body) where T1 : unmanaged where T2 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>()], null, null, () => new Action2<T1, T2>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Action2<T1, T2> : HostFunction where T1 : unmanaged where T2 : unmanaged
    {
        private readonly Action<T1, T2> _body;

        public Action2(Action<T1, T2> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(Read<T1>(values, 0), Read<T2>(values, 1));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2>(Linker linker, WasmGuest? guest, string module, string name, Action<WasmGuest, T1, T2> body) where T1 : unmanaged where T2 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>()], null, guest, () => new ActionOfGuest2<T1, T2>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2));
        }
    }

    private sealed class ActionOfGuest2<T1, T2> : HostFunction where T1 : unmanaged where T2 : unmanaged
    {
        private readonly Action<WasmGuest, T1, T2> _body;

        public ActionOfGuest2(Action<WasmGuest, T1, T2> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, TResult>(Linker linker, string module, string name, Func<T1, T2, TResult> body) where T1 : unmanaged where T2 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>()], WasmExports.KindOf<TResult>(), null, () => new Func2<T1, T2, TResult>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Func2<T1, T2, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where TResult : unmanaged
    {
        private readonly Func<T1, T2, TResult> _body;

        public Func2(Func<T1, T2, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(Read<T1>(values, 0), Read<T2>(values, 1)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, TResult>(Linker linker, WasmGuest? guest, string module, string name, Func<WasmGuest, T1, T2, TResult> body) where T1 : unmanaged where T2 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>()], WasmExports.KindOf<TResult>(), guest, () => new FuncOfGuest2<T1, T2, TResult>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2));
        }
    }

    private sealed class FuncOfGuest2<T1, T2, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where TResult : unmanaged
    {
        private readonly Func<WasmGuest, T1, T2, TResult> _body;

        public FuncOfGuest2(Func<WasmGuest, T1, T2, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3>(Linker linker, string module, string name, Action<T1, T2, T3> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>()], null, null, () => new Action3<T1, T2, T3>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Action3<T1, T2, T3> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged
    {
        private readonly Action<T1, T2, T3> _body;

        public Action3(Action<T1, T2, T3> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3>(Linker linker, WasmGuest? guest, string module, string name, Action<WasmGuest, T1, T2, T3> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>()], null, guest, () => new ActionOfGuest3<T1, T2, T3>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3));
        }
    }

    private sealed class ActionOfGuest3<T1, T2, T3> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged
    {
        private readonly Action<WasmGuest, T1, T2, T3> _body;

        public ActionOfGuest3(Action<WasmGuest, T1, T2, T3> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, TResult>(Linker linker, string module, string name, Func<T1, T2, T3, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>()], WasmExports.KindOf<TResult>(), null, () => new Func3<T1, T2, T3, TResult>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Func3<T1, T2, T3, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where TResult : unmanaged
    {
        private readonly Func<T1, T2, T3, TResult> _body;

        public Func3(Func<T1, T2, T3, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, TResult>(Linker linker, WasmGuest? guest, string module, string name, Func<WasmGuest, T1, T2, T3, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>()], WasmExports.KindOf<TResult>(), guest, () => new FuncOfGuest3<T1, T2, T3, TResult>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3));
        }
    }

    private sealed class FuncOfGuest3<T1, T2, T3, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where TResult : unmanaged
    {
        private readonly Func<WasmGuest, T1, T2, T3, TResult> _body;

        public FuncOfGuest3(Func<WasmGuest, T1, T2, T3, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4>(Linker linker, string module, string name, Action<T1, T2, T3, T4> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>()], null, null, () => new Action4<T1, T2, T3, T4>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Action4<T1, T2, T3, T4> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged
    {
        private readonly Action<T1, T2, T3, T4> _body;

        public Action4(Action<T1, T2, T3, T4> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4>(Linker linker, WasmGuest? guest, string module, string name, Action<WasmGuest, T1, T2, T3, T4> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>()], null, guest, () => new ActionOfGuest4<T1, T2, T3, T4>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4));
        }
    }

    private sealed class ActionOfGuest4<T1, T2, T3, T4> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged
    {
        private readonly Action<WasmGuest, T1, T2, T3, T4> _body;

        public ActionOfGuest4(Action<WasmGuest, T1, T2, T3, T4> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4, TResult>(Linker linker, string module, string name, Func<T1, T2, T3, T4, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>()], WasmExports.KindOf<TResult>(), null, () => new Func4<T1, T2, T3, T4, TResult>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Func4<T1, T2, T3, T4, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where TResult : unmanaged
    {
        private readonly Func<T1, T2, T3, T4, TResult> _body;

        public Func4(Func<T1, T2, T3, T4, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4, TResult>(Linker linker, WasmGuest? guest, string module, string name, Func<WasmGuest, T1, T2, T3, T4, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>()], WasmExports.KindOf<TResult>(), guest, () => new FuncOfGuest4<T1, T2, T3, T4, TResult>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4));
        }
    }

    private sealed class FuncOfGuest4<T1, T2, T3, T4, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where TResult : unmanaged
    {
        private readonly Func<WasmGuest, T1, T2, T3, T4, TResult> _body;

        public FuncOfGuest4(Func<WasmGuest, T1, T2, T3, T4, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5>(Linker linker, string module, string name, Action<T1, T2, T3, T4, T5> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>()], null, null, () => new Action5<T1, T2, T3, T4, T5>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Action5<T1, T2, T3, T4, T5> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged
    {
        private readonly Action<T1, T2, T3, T4, T5> _body;

        public Action5(Action<T1, T2, T3, T4, T5> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5>(Linker linker, WasmGuest? guest, string module, string name, Action<WasmGuest, T1, T2, T3, T4, T5> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>()], null, guest, () => new ActionOfGuest5<T1, T2, T3, T4, T5>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4, a5));
        }
    }

    private sealed class ActionOfGuest5<T1, T2, T3, T4, T5> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged
    {
        private readonly Action<WasmGuest, T1, T2, T3, T4, T5> _body;

        public ActionOfGuest5(Action<WasmGuest, T1, T2, T3, T4, T5> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, TResult>(Linker linker, string module, string name, Func<T1, T2, T3, T4, T5, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>()], WasmExports.KindOf<TResult>(), null, () => new Func5<T1, T2, T3, T4, T5, TResult>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Func5<T1, T2, T3, T4, T5, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where TResult : unmanaged
    {
        private readonly Func<T1, T2, T3, T4, T5, TResult> _body;

        public Func5(Func<T1, T2, T3, T4, T5, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, TResult>(Linker linker, WasmGuest? guest, string module, string name, Func<WasmGuest, T1, T2, T3, T4, T5, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>()], WasmExports.KindOf<TResult>(), guest, () => new FuncOfGuest5<T1, T2, T3, T4, T5, TResult>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4, a5));
        }
    }

    private sealed class FuncOfGuest5<T1, T2, T3, T4, T5, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where TResult : unmanaged
    {
        private readonly Func<WasmGuest, T1, T2, T3, T4, T5, TResult> _body;

        public FuncOfGuest5(Func<WasmGuest, T1, T2, T3, T4, T5, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6>(Linker linker, string module, string name, Action<T1, T2, T3, T4, T5, T6> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>()], null, null, () => new Action6<T1, T2, T3, T4, T5, T6>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Action6<T1, T2, T3, T4, T5, T6> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged
    {
        private readonly Action<T1, T2, T3, T4, T5, T6> _body;

        public Action6(Action<T1, T2, T3, T4, T5, T6> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6>(Linker linker, WasmGuest? guest, string module, string name, Action<WasmGuest, T1, T2, T3, T4, T5, T6> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>()], null, guest, () => new ActionOfGuest6<T1, T2, T3, T4, T5, T6>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4, a5, a6));
        }
    }

    private sealed class ActionOfGuest6<T1, T2, T3, T4, T5, T6> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged
    {
        private readonly Action<WasmGuest, T1, T2, T3, T4, T5, T6> _body;

        public ActionOfGuest6(Action<WasmGuest, T1, T2, T3, T4, T5, T6> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, TResult>(Linker linker, string module, string name, Func<T1, T2, T3, T4, T5, T6, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>()], WasmExports.KindOf<TResult>(), null, () => new Func6<T1, T2, T3, T4, T5, T6, TResult>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Func6<T1, T2, T3, T4, T5, T6, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where TResult : unmanaged
    {
        private readonly Func<T1, T2, T3, T4, T5, T6, TResult> _body;

        public Func6(Func<T1, T2, T3, T4, T5, T6, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, TResult>(Linker linker, WasmGuest? guest, string module, string name, Func<WasmGuest, T1, T2, T3, T4, T5, T6, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>()], WasmExports.KindOf<TResult>(), guest, () => new FuncOfGuest6<T1, T2, T3, T4, T5, T6, TResult>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4, a5, a6));
        }
    }

    private sealed class FuncOfGuest6<T1, T2, T3, T4, T5, T6, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where TResult : unmanaged
    {
        private readonly Func<WasmGuest, T1, T2, T3, T4, T5, T6, TResult> _body;

        public FuncOfGuest6(Func<WasmGuest, T1, T2, T3, T4, T5, T6, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7>(Linker linker, string module, string name, Action<T1, T2, T3, T4, T5, T6, T7> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>()], null, null, () => new Action7<T1, T2, T3, T4, T5, T6, T7>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Action7<T1, T2, T3, T4, T5, T6, T7> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged
    {
        private readonly Action<T1, T2, T3, T4, T5, T6, T7> _body;

        public Action7(Action<T1, T2, T3, T4, T5, T6, T7> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7>(Linker linker, WasmGuest? guest, string module, string name, Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>()], null, guest, () => new ActionOfGuest7<T1, T2, T3, T4, T5, T6, T7>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4, a5, a6, a7));
        }
    }

    private sealed class ActionOfGuest7<T1, T2, T3, T4, T5, T6, T7> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged
    {
        private readonly Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7> _body;

        public ActionOfGuest7(Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, TResult>(Linker linker, string module, string name, Func<T1, T2, T3, T4, T5, T6, T7, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>()], WasmExports.KindOf<TResult>(), null, () => new Func7<T1, T2, T3, T4, T5, T6, T7, TResult>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Func7<T1, T2, T3, T4, T5, T6, T7, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where TResult : unmanaged
    {
        private readonly Func<T1, T2, T3, T4, T5, T6, T7, TResult> _body;

        public Func7(Func<T1, T2, T3, T4, T5, T6, T7, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, TResult>(Linker linker, WasmGuest? guest, string module, string name, Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>()], WasmExports.KindOf<TResult>(), guest, () => new FuncOfGuest7<T1, T2, T3, T4, T5, T6, T7, TResult>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4, a5, a6, a7));
        }
    }

    private sealed class FuncOfGuest7<T1, T2, T3, T4, T5, T6, T7, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where TResult : unmanaged
    {
        private readonly Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, TResult> _body;

        public FuncOfGuest7(Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8>(Linker linker, string module, string name, Action<T1, T2, T3, T4, T5, T6, T7, T8> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>()], null, null, () => new Action8<T1, T2, T3, T4, T5, T6, T7, T8>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Action8<T1, T2, T3, T4, T5, T6, T7, T8> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged
    {
        private readonly Action<T1, T2, T3, T4, T5, T6, T7, T8> _body;

        public Action8(Action<T1, T2, T3, T4, T5, T6, T7, T8> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8>(Linker linker, WasmGuest? guest, string module, string name, Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>()], null, guest, () => new ActionOfGuest8<T1, T2, T3, T4, T5, T6, T7, T8>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4, a5, a6, a7, a8));
        }
    }

    private sealed class ActionOfGuest8<T1, T2, T3, T4, T5, T6, T7, T8> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged
    {
        private readonly Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8> _body;

        public ActionOfGuest8(Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(Linker linker, string module, string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>()], WasmExports.KindOf<TResult>(), null, () => new Func8<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Func8<T1, T2, T3, T4, T5, T6, T7, T8, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where TResult : unmanaged
    {
        private readonly Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult> _body;

        public Func8(Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(Linker linker, WasmGuest? guest, string module, string name, Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>()], WasmExports.KindOf<TResult>(), guest, () => new FuncOfGuest8<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4, a5, a6, a7, a8));
        }
    }

    private sealed class FuncOfGuest8<T1, T2, T3, T4, T5, T6, T7, T8, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where TResult : unmanaged
    {
        private readonly Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, TResult> _body;

        public FuncOfGuest8(Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, T9>(Linker linker, string module, string name, Action<T1, T2, T3, T4, T5, T6, T7, T8, T9> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>(), WasmExports.KindOf<T9>()], null, null, () => new Action9<T1, T2, T3, T4, T5, T6, T7, T8, T9>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Action9<T1, T2, T3, T4, T5, T6, T7, T8, T9> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged
    {
        private readonly Action<T1, T2, T3, T4, T5, T6, T7, T8, T9> _body;

        public Action9(Action<T1, T2, T3, T4, T5, T6, T7, T8, T9> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7), Read<T9>(values, 8));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, T9>(Linker linker, WasmGuest? guest, string module, string name, Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>(), WasmExports.KindOf<T9>()], null, guest, () => new ActionOfGuest9<T1, T2, T3, T4, T5, T6, T7, T8, T9>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4, a5, a6, a7, a8, a9));
        }
    }

    private sealed class ActionOfGuest9<T1, T2, T3, T4, T5, T6, T7, T8, T9> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged
    {
        private readonly Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9> _body;

        public ActionOfGuest9(Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7), Read<T9>(values, 8));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(Linker linker, string module, string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>(), WasmExports.KindOf<T9>()], WasmExports.KindOf<TResult>(), null, () => new Func9<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Func9<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where TResult : unmanaged
    {
        private readonly Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult> _body;

        public Func9(Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7), Read<T9>(values, 8)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(Linker linker, WasmGuest? guest, string module, string name, Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>(), WasmExports.KindOf<T9>()], WasmExports.KindOf<TResult>(), guest, () => new FuncOfGuest9<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4, a5, a6, a7, a8, a9));
        }
    }

    private sealed class FuncOfGuest9<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where TResult : unmanaged
    {
        private readonly Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult> _body;

        public FuncOfGuest9(Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7), Read<T9>(values, 8)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(Linker linker, string module, string name, Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>(), WasmExports.KindOf<T9>(), WasmExports.KindOf<T10>()], null, null, () => new Action10<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Action10<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged
    {
        private readonly Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> _body;

        public Action10(Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7), Read<T9>(values, 8), Read<T10>(values, 9));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(Linker linker, WasmGuest? guest, string module, string name, Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>(), WasmExports.KindOf<T9>(), WasmExports.KindOf<T10>()], null, guest, () => new ActionOfGuest10<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4, a5, a6, a7, a8, a9, a10));
        }
    }

    private sealed class ActionOfGuest10<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged
    {
        private readonly Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> _body;

        public ActionOfGuest10(Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7), Read<T9>(values, 8), Read<T10>(values, 9));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(Linker linker, string module, string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>(), WasmExports.KindOf<T9>(), WasmExports.KindOf<T10>()], WasmExports.KindOf<TResult>(), null, () => new Func10<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Func10<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where TResult : unmanaged
    {
        private readonly Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult> _body;

        public Func10(Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7), Read<T9>(values, 8), Read<T10>(values, 9)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(Linker linker, WasmGuest? guest, string module, string name, Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>(), WasmExports.KindOf<T9>(), WasmExports.KindOf<T10>()], WasmExports.KindOf<TResult>(), guest, () => new FuncOfGuest10<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4, a5, a6, a7, a8, a9, a10));
        }
    }

    private sealed class FuncOfGuest10<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where TResult : unmanaged
    {
        private readonly Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult> _body;

        public FuncOfGuest10(Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7), Read<T9>(values, 8), Read<T10>(values, 9)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(Linker linker, string module, string name, Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>(), WasmExports.KindOf<T9>(), WasmExports.KindOf<T10>(), WasmExports.KindOf<T11>()], null, null, () => new Action11<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Action11<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged
    {
        private readonly Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> _body;

        public Action11(Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7), Read<T9>(values, 8), Read<T10>(values, 9), Read<T11>(values, 10));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(Linker linker, WasmGuest? guest, string module, string name, Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>(), WasmExports.KindOf<T9>(), WasmExports.KindOf<T10>(), WasmExports.KindOf<T11>()], null, guest, () => new ActionOfGuest11<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11));
        }
    }

    private sealed class ActionOfGuest11<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged
    {
        private readonly Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> _body;

        public ActionOfGuest11(Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7), Read<T9>(values, 8), Read<T10>(values, 9), Read<T11>(values, 10));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(Linker linker, string module, string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>(), WasmExports.KindOf<T9>(), WasmExports.KindOf<T10>(), WasmExports.KindOf<T11>()], WasmExports.KindOf<TResult>(), null, () => new Func11<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Func11<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where TResult : unmanaged
    {
        private readonly Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult> _body;

        public Func11(Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7), Read<T9>(values, 8), Read<T10>(values, 9), Read<T11>(values, 10)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(Linker linker, WasmGuest? guest, string module, string name, Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>(), WasmExports.KindOf<T9>(), WasmExports.KindOf<T10>(), WasmExports.KindOf<T11>()], WasmExports.KindOf<TResult>(), guest, () => new FuncOfGuest11<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11));
        }
    }

    private sealed class FuncOfGuest11<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where TResult : unmanaged
    {
        private readonly Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult> _body;

        public FuncOfGuest11(Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7), Read<T9>(values, 8), Read<T10>(values, 9), Read<T11>(values, 10)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(Linker linker, string module, string name, Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>(), WasmExports.KindOf<T9>(), WasmExports.KindOf<T10>(), WasmExports.KindOf<T11>(), WasmExports.KindOf<T12>()], null, null, () => new Action12<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Action12<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged
    {
        private readonly Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12> _body;

        public Action12(Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7), Read<T9>(values, 8), Read<T10>(values, 9), Read<T11>(values, 10), Read<T12>(values, 11));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(Linker linker, WasmGuest? guest, string module, string name, Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>(), WasmExports.KindOf<T9>(), WasmExports.KindOf<T10>(), WasmExports.KindOf<T11>(), WasmExports.KindOf<T12>()], null, guest, () => new ActionOfGuest12<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11, T12 a12) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12));
        }
    }

    private sealed class ActionOfGuest12<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged
    {
        private readonly Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12> _body;

        public ActionOfGuest12(Action<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7), Read<T9>(values, 8), Read<T10>(values, 9), Read<T11>(values, 10), Read<T12>(values, 11));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>.
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>(Linker linker, string module, string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>(), WasmExports.KindOf<T9>(), WasmExports.KindOf<T10>(), WasmExports.KindOf<T11>(), WasmExports.KindOf<T12>()], WasmExports.KindOf<TResult>(), null, () => new Func12<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>(body)))
        {
            linker.DefineFunction(module, name, body);
        }
    }

    private sealed class Func12<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where TResult : unmanaged
    {
        private readonly Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult> _body;

        public Func12(Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7), Read<T9>(values, 8), Read<T10>(values, 9), Read<T11>(values, 10), Read<T12>(values, 11)));
        }
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="body"/>, which receives the
    /// calling guest: <paramref name="guest"/>, or when null the guest of the calling store (a template's instance).
    /// </summary>
    public static void Define<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>(Linker linker, WasmGuest? guest, string module, string name, Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult> body) where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDefine(linker, module, name, [WasmExports.KindOf<T1>(), WasmExports.KindOf<T2>(), WasmExports.KindOf<T3>(), WasmExports.KindOf<T4>(), WasmExports.KindOf<T5>(), WasmExports.KindOf<T6>(), WasmExports.KindOf<T7>(), WasmExports.KindOf<T8>(), WasmExports.KindOf<T9>(), WasmExports.KindOf<T10>(), WasmExports.KindOf<T11>(), WasmExports.KindOf<T12>()], WasmExports.KindOf<TResult>(), guest, () => new FuncOfGuest12<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>(body)))
        {
            linker.DefineFunction(module, name, (Caller caller, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11, T12 a12) => body(guest ?? Hosting.WasmStoreContext.Guest(caller), a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12));
        }
    }

    private sealed class FuncOfGuest12<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult> : HostFunction where T1 : unmanaged where T2 : unmanaged where T3 : unmanaged where T4 : unmanaged where T5 : unmanaged where T6 : unmanaged where T7 : unmanaged where T8 : unmanaged where T9 : unmanaged where T10 : unmanaged where T11 : unmanaged where T12 : unmanaged where TResult : unmanaged
    {
        private readonly Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult> _body;

        public FuncOfGuest12(Func<WasmGuest, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult> body) => _body = body;

        public override void Invoke(nint caller, RawValue* values)
        {
            Write(values, _body(GuestOf(caller), Read<T1>(values, 0), Read<T2>(values, 1), Read<T3>(values, 2), Read<T4>(values, 3), Read<T5>(values, 4), Read<T6>(values, 5), Read<T7>(values, 6), Read<T8>(values, 7), Read<T9>(values, 8), Read<T10>(values, 9), Read<T11>(values, 10), Read<T12>(values, 11)));
        }
    }
}
