using Wasmtime;

namespace WasmMarshal.Interop;

/// <summary>
/// The C API's view of one instance, for direct export calls: the store's context and handle, and the instance's
/// <c>wasmtime_instance_t</c>, each read once from Wasmtime .NET's objects when first needed (null when this Wasmtime
/// .NET lays them out differently).
/// </summary>
internal sealed class NativeInstance(Store store, Instance instance)
{
    private WasmtimeStoreAccess? _store;
    private bool _storeRead;
    private DirectExport.StoreItem? _instance;
    private bool _instanceRead;

    public WasmtimeStoreAccess? Store
    {
        get
        {
            if (!_storeRead)
            {
                _store = WasmtimeStoreAccess.TryCreate(store);
                _storeRead = true;
            }

            return _store;
        }
    }

    public DirectExport.StoreItem? Instance
    {
        get
        {
            if (!_instanceRead)
            {
                _instance = DirectExport.ReadInstanceItem(instance);
                _instanceRead = true;
            }

            return _instance;
        }
    }
}
