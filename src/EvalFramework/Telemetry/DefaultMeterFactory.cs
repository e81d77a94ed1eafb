using System.Diagnostics.Metrics;

namespace EvalFramework.Telemetry;

/// <summary>The meter factory a tracker uses when it is given none; it owns and disposes its meters.</summary>
internal sealed class DefaultMeterFactory : IMeterFactory
{
    private readonly Lock _lock = new();
    private readonly List<Meter> _meters = [];
    private bool _disposed;

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var meter = new Meter(options.Name, options.Version, options.Tags, this);
            _meters.Add(meter);
            return meter;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }

            _meters.Clear();
        }
    }
}
