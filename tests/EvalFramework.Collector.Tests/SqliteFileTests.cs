using EvalFramework.Collector.Storage;
using EvalFramework.Collector.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Tests;

/// <summary>The SQLite file the collector creates: durable settings, and not readable by other users of the machine.</summary>
public sealed class SqliteFileTests : IDisposable
{
    private const UnixFileMode Others = UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "evalfw-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void NewDatabase_FileAndWalNotReadableByOthers_WalAndSynchronousFull()
    {
        var path = Path.Combine(_directory, "new.db");
        var database = new SqliteDatabase(Options.Create(new StorageOptions { SqlitePath = path }));
        database.Migrate();

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, command.ExecuteScalar()); // FULL
        Assert.True(File.Exists(path + "-wal"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(path) & Others);
            Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(path + "-wal") & Others);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path) & (UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
    }

    [Fact]
    public void ExistingDatabase_KeepsItsMode()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "existing.db");
        File.WriteAllBytes(path, []);
        var chosen = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead;
        File.SetUnixFileMode(path, chosen);

        new SqliteDatabase(Options.Create(new StorageOptions { SqlitePath = path })).Migrate();

        Assert.Equal(chosen, File.GetUnixFileMode(path));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
