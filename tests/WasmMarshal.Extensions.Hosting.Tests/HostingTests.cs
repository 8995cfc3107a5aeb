using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using WasmMarshal.Diagnostics;
using WasmMarshal.Pooling;
using Xunit;

namespace WasmMarshal.Extensions.Hosting.Tests;

/// <summary>
/// Guests registered in a container: imports resolved per scope from one pooled lease, the pool's size, fuel and rent
/// timeout from the options, the health check, and disposal with the container and on host shutdown.
/// </summary>
public sealed class HostingTests
{
    private const string ProbeWat = """
        (module
          (memory (export "memory") 1)
          (func (export "answer") (result i32) (i32.const 42))
          (func (export "fail") unreachable)
          (func (export "spin") (loop $forever (br $forever))))
        """;

    private static readonly string WordsPath = Path.Combine(AppContext.BaseDirectory, "guests", "plugin_words.wasm");

    private static ServiceProvider Words(int poolSize = 2, Action<WasmGuestOptions>? more = null)
    {
        var services = new ServiceCollection();
        services.AddWasmGuest("words", options =>
        {
            options.ModulePath = WordsPath;
            options.PoolSize = poolSize;
            options.ConfigureGuest = (builder, _) => builder.Export<IPluginLog>(new NullLog());
            more?.Invoke(options);
        });
        services.AddWasmImport<ITextPlugin>("words");
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    private static ServiceProvider Probe(Action<WasmGuestOptions>? more = null)
    {
        var services = new ServiceCollection();
        services.AddWasmGuest("probe", options =>
        {
            options.ModuleText = ProbeWat;
            options.PoolSize = 1;
            more?.Invoke(options);
        });
        services.AddWasmImport<IProbe>("probe");
        services.AddLogging(); // the health check service logs; a host adds logging itself
        services.AddHealthChecks().AddWasmGuestCheck("probe");
        return services.BuildServiceProvider();
    }

    [Fact]
    public void An_import_is_resolved_per_scope_from_one_lease_that_goes_back_to_the_pool_when_the_scope_ends()
    {
        using var provider = Words();
        var pool = provider.GetRequiredKeyedService<WasmGuestHost>("words").Pool;
        using (var scope = provider.CreateScope())
        {
            var plugin = scope.ServiceProvider.GetRequiredService<ITextPlugin>();
            Assert.Same(plugin, scope.ServiceProvider.GetRequiredService<ITextPlugin>());
            Assert.Equal("word-frequency", plugin.Name());
            var top = plugin.TopWords("the cat and the dog and the bird", 2);
            Assert.Equal(["the:3", "and:2"], top.Select(w => $"{w.Text}:{w.Count}"));
            Assert.Equal(1, pool.RentedCount);

            using var other = provider.CreateScope();
            var otherLease = other.ServiceProvider.GetRequiredKeyedService<WasmGuestLease>("words");
            Assert.NotSame(scope.ServiceProvider.GetRequiredKeyedService<WasmGuestLease>("words").Guest, otherLease.Guest);
            Assert.Equal(2, pool.RentedCount);
        }

        Assert.Equal(0, pool.RentedCount);
        Assert.Equal(2, pool.IdleCount);
        Assert.Equal("words", pool.Name);
    }

    [Fact]
    public void A_full_pool_makes_resolution_wait_for_the_rent_timeout_and_then_fail()
    {
        using var provider = Words(poolSize: 1, more: o => o.RentTimeout = TimeSpan.FromMilliseconds(50));
        using var first = provider.CreateScope();
        first.ServiceProvider.GetRequiredService<ITextPlugin>();
        using var second = provider.CreateScope();
        Assert.Throws<TimeoutException>(() => second.ServiceProvider.GetRequiredService<ITextPlugin>());
    }

    [Fact]
    public void Every_lease_starts_with_the_configured_fuel_and_a_guest_that_burnt_it_is_replaced()
    {
        using var provider = Probe(o => o.Fuel = 100_000);
        var host = provider.GetRequiredKeyedService<WasmGuestHost>("probe");
        using (var scope = provider.CreateScope())
        {
            Assert.Throws<WasmFuelExhaustedException>(() => scope.ServiceProvider.GetRequiredService<IProbe>().Spin());
        }

        Assert.Equal(1, host.Pool.Discarded);
        for (int i = 0; i < 3; i++)
        {
            using var scope = provider.CreateScope();
            var lease = scope.ServiceProvider.GetRequiredKeyedService<WasmGuestLease>("probe");
            Assert.Equal(100_000UL, lease.Guest.Store.Fuel); // refilled on every rent, not what the last call left
            Assert.Equal(42, scope.ServiceProvider.GetRequiredService<IProbe>().Answer());
        }
    }

    [Fact]
    public void The_fuel_counter_counts_what_each_leased_call_burned_though_every_rent_refills_the_store()
    {
        var burned = new List<long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == WasmMarshalTelemetry.Name && instrument.Name == WasmMarshalTelemetry.FuelConsumedInstrument)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == WasmMarshalTelemetry.GuestTag && (string?)tag.Value == "probe")
                {
                    lock (burned)
                    {
                        burned.Add(value);
                    }
                }
            }
        });
        listener.Start();

        using var provider = Probe(o => o.Fuel = 100_000);
        var left = new List<ulong>();
        for (int i = 0; i < 3; i++)
        {
            using var scope = provider.CreateScope();
            var probe = scope.ServiceProvider.GetRequiredService<IProbe>();
            Assert.Equal(42, probe.Answer());
            Assert.Equal(42, probe.Answer());
            left.Add(scope.ServiceProvider.GetRequiredKeyedService<WasmGuestLease>("probe").Guest.Store.Fuel);
        }

        using (var scope = provider.CreateScope())
        {
            Assert.Throws<WasmFuelExhaustedException>(() => scope.ServiceProvider.GetRequiredService<IProbe>().Spin());
        }

        Assert.Equal(7, burned.Count);
        long perCall = burned[0];
        Assert.True(perCall > 0);
        Assert.All(burned.Take(6), value => Assert.Equal(perCall, value)); // the refill between rents counts as nothing
        Assert.All(left, fuel => Assert.Equal(100_000UL - 2 * (ulong)perCall, fuel)); // what the store lost, per lease
        Assert.Equal(100_000, burned[6]); // the spin burned the whole tank
    }

    [Fact]
    public void A_guest_whose_initialize_function_burns_fuel_instantiates_with_the_configured_fuel()
    {
        using var provider = Probe(o =>
        {
            o.ModuleText = """
                (module
                  (global $ready (mut i32) (i32.const 0))
                  (memory (export "memory") 1)
                  (func (export "_initialize") (global.set $ready (i32.const 42)))
                  (func (export "answer") (result i32) (global.get $ready))
                  (func (export "fail") unreachable)
                  (func (export "spin") (loop $forever (br $forever))))
                """;
            o.Fuel = 1_000;
        });
        using var scope = provider.CreateScope();
        Assert.Equal(42, scope.ServiceProvider.GetRequiredService<IProbe>().Answer());
    }

    [Fact]
    public async Task The_health_check_instantiates_the_guest_and_reports_a_probe_that_traps_as_unhealthy()
    {
        using (var healthy = Probe(o => o.HealthProbe = guest => Assert.Equal(42, guest.Import<IProbe>().Answer())))
        {
            var report = await healthy.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            Assert.Equal(HealthStatus.Healthy, report.Entries["wasm:probe"].Status);
        }

        using var trapping = Probe(o => o.HealthProbe = guest => guest.Import<IProbe>().Fail());
        var failed = (await trapping.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["wasm:probe"];
        Assert.Equal(HealthStatus.Unhealthy, failed.Status);
        Assert.IsType<WasmTrapException>(failed.Exception);
        // The probe's guest was not a pooled one: the pool made none.
        Assert.Equal(0L, failed.Data["pool.created"]);
    }

    [Fact]
    public async Task A_module_that_does_not_load_is_unhealthy_and_bad_options_say_what_is_wrong()
    {
        var services = new ServiceCollection();
        services.AddWasmGuest("broken", o => o.ModuleText = "(module (func $f (result i32)))"); // no value returned
        services.AddWasmGuest("unset", _ => { });
        services.AddLogging();
        services.AddHealthChecks().AddWasmGuestCheck("broken");
        using var provider = services.BuildServiceProvider();
        var entry = (await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["wasm:broken"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredKeyedService<WasmGuestHost>("unset"));
        Assert.Contains("exactly one of ModulePath, ModuleBytes and ModuleText", error.Message);
        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<WasmGuestHosts>().Get("nobody"));
    }

    [Fact]
    public async Task Host_shutdown_disposes_the_pools_and_their_guests()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddWasmGuest("words", o =>
        {
            o.ModulePath = WordsPath;
            o.ConfigureGuest = (b, _) => b.Export<IPluginLog>(new NullLog());
        });
        builder.Services.AddWasmImport<ITextPlugin>("words");
        var host = builder.Build();
        await host.StartAsync();
        WasmGuest guest;
        WasmGuestPool pool;
        using (var scope = host.Services.CreateScope())
        {
            Assert.Equal("word-frequency", scope.ServiceProvider.GetRequiredService<ITextPlugin>().Name());
            guest = scope.ServiceProvider.GetRequiredKeyedService<WasmGuestLease>("words").Guest;
            pool = scope.ServiceProvider.GetRequiredKeyedService<WasmGuestHost>("words").Pool;
        }

        Assert.False(guest.IsDisposed); // back in the pool, idle
        await host.StopAsync();
        host.Dispose();
        Assert.True(guest.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }
}
