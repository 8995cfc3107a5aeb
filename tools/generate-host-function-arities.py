#!/usr/bin/env python3
"""Writes src/Marshal.Runtime/Interop/WasmHostFunctions.Arities.cs: for 0 to 12 parameters (the arities Wasmtime .NET's
Linker.DefineFunction has), a Define overload per shape (action or function; with or without the calling guest) and the
HostFunction that reads the arguments from Wasmtime's value buffer and calls the body.
Run from the repository root: python3 tools/generate-host-function-arities.py"""

MAX = 12
GUEST = "WasmGuest"

out = []
w = out.append
w("// Written by tools/generate-host-function-arities.py. Do not edit: change the script and run it again.")
w("#nullable enable")
w("using System;")
w("using Wasmtime;")
w("")
w("namespace WasmMarshal.Interop;")
w("")
w("public static unsafe partial class WasmHostFunctions")
w("{")
for n in range(MAX + 1):
    ts = [f"T{i}" for i in range(1, n + 1)]
    for has_result in (False, True):
        for with_guest in (False, True):
            generics = ts + (["TResult"] if has_result else [])
            targs = "<" + ", ".join(generics) + ">" if generics else ""
            where = "".join(f" where {t} : unmanaged" for t in generics)
            body_args = ([GUEST] if with_guest else []) + generics
            if has_result:
                body_type = "Func<" + ", ".join(body_args) + ">"
            else:
                body_type = "Action" + ("<" + ", ".join(body_args) + ">" if body_args else "")
            kind = ("Func" if has_result else "Action") + ("OfGuest" if with_guest else "") + str(n)
            kinds = "[" + ", ".join(f"WasmExports.KindOf<{t}>()" for t in ts) + "]"
            result_kind = "WasmExports.KindOf<TResult>()" if has_result else "null"
            guest_param = f"{GUEST}? guest, " if with_guest else ""
            w("    /// <summary>")
            if with_guest:
                w("    /// Defines <paramref name=\"module\"/>.<paramref name=\"name\"/> as <paramref name=\"body\"/>, which receives the")
                w("    /// calling guest: <paramref name=\"guest\"/>, or when null the guest of the calling store (a template's instance).")
            else:
                w("    /// Defines <paramref name=\"module\"/>.<paramref name=\"name\"/> as <paramref name=\"body\"/>.")
            w("    /// </summary>")
            w(f"    public static void Define{targs}(Linker linker, {guest_param}string module, string name, {body_type} body){where}")
            w("    {")
            w("        ArgumentNullException.ThrowIfNull(body);")
            w(f"        if (!TryDefine(linker, module, name, {kinds}, {result_kind}, {'guest' if with_guest else 'null'}, () => new {kind}{targs}(body)))")
            w("        {")
            if with_guest:
                lambda_params = ", ".join(["Caller caller"] + [f"{t} a{i}" for i, t in enumerate(ts, 1)])
                args = ", ".join(["guest ?? Hosting.WasmStoreContext.Guest(caller)"] + [f"a{i}" for i in range(1, n + 1)])
                w(f"            linker.DefineFunction(module, name, ({lambda_params}) => body({args}));")
            else:
                w("            linker.DefineFunction(module, name, body);")
            w("        }")
            w("    }")
            w("")
            # The HostFunction.
            w(f"    private sealed class {kind}{targs} : HostFunction{where}")
            w("    {")
            w(f"        private readonly {body_type} _body;")
            w("")
            w(f"        public {kind}({body_type} body) => _body = body;")
            w("")
            w("        public override void Invoke(nint caller, RawValue* values)")
            w("        {")
            call_args = (["GuestOf(caller)"] if with_guest else []) + [f"Read<T{i}>(values, {i - 1})" for i in range(1, n + 1)]
            call = f"_body({', '.join(call_args)})"
            if has_result:
                w(f"            Write(values, {call});")
            else:
                w(f"            {call};")
            w("        }")
            w("    }")
            w("")
out[-1:] = []
w("}")
open("src/Marshal.Runtime/Interop/WasmHostFunctions.Arities.cs", "w").write("\n".join(out) + "\n")
