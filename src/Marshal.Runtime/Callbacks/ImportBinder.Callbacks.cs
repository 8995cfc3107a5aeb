using WasmMarshal.Callbacks;

namespace WasmMarshal.Binding;

public sealed partial class ImportBinder
{
    private bool _tableChecked;

    /// <summary>
    /// Expects the function table that the callback <paramref name="parameter"/> of <paramref name="method"/> is
    /// placed in: exported as <c>__indirect_function_table</c> and growable. Reported once per interface, naming the
    /// first callback parameter that needs it.
    /// </summary>
    public void RequireFunctionTable(string method, string parameter)
    {
        if (_tableChecked)
        {
            return;
        }

        _tableChecked = true;
        if (WasmCallbackTable.Problem(_guest.Module) is { } problem)
        {
            _mismatches.Add(new BindingMismatch(WasmCallbackTable.ExportName, _interfaceName + "." + method + "(" + parameter + ")", WasmCallbackTable.Expectation, problem));
        }
    }
}
