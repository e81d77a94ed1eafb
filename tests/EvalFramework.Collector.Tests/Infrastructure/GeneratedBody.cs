using System.Text;

namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>
/// A request body made as it is read: a prefix, <c>padding</c> spaces (valid JSON whitespace) and a suffix. Not
/// seekable, so HttpClient sends it without <c>Content-Length</c> (chunked over HTTP/1.1). Counts what was read.
/// </summary>
public sealed class GeneratedBody(string prefix, long padding, string suffix) : Stream
{
    private readonly byte[] _prefix = Encoding.UTF8.GetBytes(prefix);
    private readonly byte[] _suffix = Encoding.UTF8.GetBytes(suffix);
    private long _position;

    /// <summary>Bytes handed out so far.</summary>
    public long Produced => Interlocked.Read(ref _position);

    private long Total => _prefix.Length + padding + _suffix.Length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var position = Produced;
        var count = (int)Math.Min(buffer.Length, Total - position);
        for (var i = 0; i < count; i++)
        {
            var at = position + i;
            buffer[i] = at < _prefix.Length ? _prefix[at]
                : at < _prefix.Length + padding ? (byte)' '
                : _suffix[at - _prefix.Length - padding];
        }

        Interlocked.Add(ref _position, count);
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
