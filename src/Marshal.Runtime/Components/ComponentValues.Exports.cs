using System;
using System.Collections.Generic;
using Wasmtime;
using Wasmtime.Components;

namespace WasmMarshal.Components;

public static partial class ComponentValues
{
    /// <summary>
    /// The exported functions of one WIT interface of a component instance, looked up while a generated
    /// component-model stub is built: every missing function, or one whose parameter count or result presence differs
    /// from the interface (all Wasmtime .NET can tell about a component function's type), is collected, and
    /// <see cref="Complete"/> throws one <see cref="WasmBindingException"/> listing them all.
    /// </summary>
    public sealed class Exports
    {
        private readonly ComponentModelGuest _guest;
        private readonly string _target;
        private readonly string _interfaceName;
        private readonly List<BindingMismatch> _mismatches = new();

        /// <summary>Starts the check of <paramref name="interfaceName"/> on <paramref name="guest"/> for <paramref name="target"/>.</summary>
        public Exports(ComponentModelGuest guest, string target, string interfaceName)
        {
            _guest = guest ?? throw new ArgumentNullException(nameof(guest));
            _target = target;
            _interfaceName = interfaceName;
        }

        /// <summary>The mismatches found so far.</summary>
        public IReadOnlyList<BindingMismatch> Mismatches => _mismatches;

        /// <summary>
        /// The function <paramref name="function"/> of the interface, or null (recorded as a mismatch) when the
        /// instance has none or it takes another number of parameters.
        /// </summary>
        public ComponentFunction Function(string function, string member, int parameters, bool hasResult)
        {
            string item = _interfaceName + "#" + function;
            string expected = $"a function of {parameters} parameter{(parameters == 1 ? "" : "s")} {(hasResult ? "with" : "without")} a result";
            ComponentFunction? found;
            try
            {
                found = _guest.Instance.GetFunction(_interfaceName, function);
            }
            catch (WasmtimeException e)
            {
                _mismatches.Add(new BindingMismatch(item, member, expected, "missing (" + e.Message + ")"));
                return null!;
            }

            if (found is null)
            {
                _mismatches.Add(new BindingMismatch(item, member, expected, "missing"));
                return null!;
            }

            if (found.ParameterCount != parameters || found.HasResult != hasResult)
            {
                _mismatches.Add(new BindingMismatch(item, member, expected,
                    $"a function of {found.ParameterCount} parameter{(found.ParameterCount == 1 ? "" : "s")} {(found.HasResult ? "with" : "without")} a result"));
            }

            return found;
        }

        /// <summary>Throws one exception listing every mismatch, if there is any.</summary>
        /// <exception cref="WasmBindingException">The instance does not fit the interface.</exception>
        public void Complete()
        {
            if (_mismatches.Count > 0)
            {
                throw new WasmBindingException(_target, _mismatches,
                    $"the component does not export the WIT interface {_interfaceName} as the C# interface declares it; compare the interface with the component's WIT (jco wit).");
            }
        }
    }
}
