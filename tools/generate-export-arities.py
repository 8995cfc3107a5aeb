#!/usr/bin/env python3
"""Writes src/Marshal.Runtime/Interop/WasmExports.Arities.cs: one Function and one Action factory per arity (0 to 16,
the arities Wasmtime .NET's GetFunction/GetAction have), and the DirectExport invokers they bind to.
Run from the repository root: python3 tools/generate-export-arities.py"""

MAX = 16


def constraints(ts, has_result):
    names = ts + (["TResult"] if has_result else [])
    return "".join(f" where {t} : unmanaged" for t in names)

out = []
w = out.append
w("// Written by tools/generate-export-arities.py. Do not edit: change the script and run it again.")
w("#nullable enable")
w("using System;")
w("using System.Runtime.CompilerServices;")
w("using Wasmtime;")
w("")
w("namespace WasmMarshal.Interop;")
w("")
w("public static partial class WasmExports")
w("{")
for n in range(MAX + 1):
    ts = [f"T{i}" for i in range(1, n + 1)]
    kinds = ", ".join(f"KindOf<{t}>()" for t in ts)
    for has_result in (True, False):
        if not has_result and n == 0:
            targs = ""
            dtype = "Action"
        else:
            targs = "<" + ", ".join(ts + (["TResult"] if has_result else [])) + ">"
            dtype = ("Func" if has_result else "Action") + targs
        name = "Function" if has_result else "Action"
        wasmtime = ("GetFunction" if has_result else "GetAction") + targs
        result = "KindOf<TResult>()" if has_result else "null"
        invoker = f"Invoke{targs}" if has_result else (f"Run{targs}" if n > 0 else "Run")
        where = constraints(ts, has_result)
        for host in ("WasmGuest", "Canonical.CanonicalGuest"):
            w(f"    /// <summary>The export <paramref name=\"name\"/> of <paramref name=\"guest\"/> as a typed delegate (see the class remarks).</summary>")
            w(f"    public static {dtype}? {name}{targs}({host} guest, string name){where} =>")
            w(f"        {name}{targs}(guest.Module, guest.Instance, guest.Native, name);")
            w("")
        w(f"    private static {dtype}? {name}{targs}(Module module, Instance instance, NativeInstance native, string name){where}")
        w("    {")
        w(f"        ReadOnlySpan<ValueKind> parameters = [{kinds}];")
        w(f"        return DirectExport.TryCreate(module, instance, native, name, parameters, {result}) is {{ }} direct")
        w(f"            ? direct.{invoker}")
        if not has_result and n > 5:
            # Wasmtime .NET has typed GetAction only up to five parameters: the untyped Invoke, type-checked here.
            args = ", ".join(f"a{i}" for i in range(1, n + 1))
            w(f"            : instance.GetFunction(name) is {{ }} function && DirectExport.HasType(function, parameters, null)")
            w(f"                ? ({args}) => function.Invoke({', '.join(f'Box(a{i})' for i in range(1, n + 1))})")
            w(f"                : null;")
        else:
            w(f"            : instance.{wasmtime}(name);")
        w("    }")
        w("")
w("}")
w("")
w("internal sealed unsafe partial class DirectExport")
w("{")
for n in range(MAX + 1):
    ts = [f"T{i}" for i in range(1, n + 1)]
    ps = ", ".join(f"{t} a{i}" for i, t in enumerate(ts, 1))
    slots = max(n, 1)
    for has_result in (True, False):
        if not has_result and n == 0:
            targs = ""
        else:
            targs = "<" + ", ".join(ts + (["TResult"] if has_result else [])) + ">"
        ret = "TResult" if has_result else "void"
        name = "Invoke" if has_result else "Run"
        w(f"    public {ret} {name}{targs}({ps}){constraints(ts, has_result)}")
        w("    {")
        w(f"        RawValue* values = stackalloc RawValue[{slots}];")
        for i in range(1, n + 1):
            w(f"        Store(values + {i - 1}, a{i});")
        w(f"        Call(values, {slots});")
        if has_result:
            w("        return Load<TResult>(values);")
        w("    }")
        w("")
w("}")
open("src/Marshal.Runtime/Interop/WasmExports.Arities.cs", "w").write("\n".join(out).rstrip() + "\n")
