using System.Net;
using System.Text;

namespace EvalFramework.Benchmarks;

/// <summary>
/// A collector stand-in that answers every batch with 200 at once, except while its gate is closed: then requests
/// wait, so the sender is held still and does not compete with the measured thread.
/// </summary>
internal sealed class GatedOkHandler : HttpMessageHandler
{
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes("""{"accepted":0,"duplicates":0,"rejected":[]}""");
    private TaskCompletionSource _gate = Open();

    public void Close() => Volatile.Write(ref _gate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void OpenGate() => Volatile.Read(ref _gate).TrySetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Volatile.Read(ref _gate).Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Answer) };
    }

    private static TaskCompletionSource Open()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }
}
