using System.Net;
using System.Text;

namespace EvalFramework.Benchmarks;

/// <summary>A collector stand-in that answers every batch with 200 at once.</summary>
internal sealed class InstantOkHandler : HttpMessageHandler
{
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes("""{"accepted":0,"duplicates":0,"rejected":[]}""");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Answer) };
        return Task.FromResult(response);
    }
}
