using System.Diagnostics;
using System.Runtime.CompilerServices;
using EvalFramework;

namespace Microsoft.Extensions.AI;

/// <summary>
/// Records an <c>ai.usage</c> event on <see cref="TrackedCase.Current"/> for every chat call: model, input and output
/// tokens and duration. Outside a case it records nothing.
/// </summary>
internal sealed class CaseTrackingChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    private const string UnknownModel = "unknown";
    private string? _defaultModel;
    private bool _defaultModelRead;

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var tracked = TrackedCase.Current;
        var started = Stopwatch.GetTimestamp();
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        tracked?.RecordAiUsage(
            response.ModelId ?? ModelOf(options),
            response.Usage?.InputTokenCount ?? 0,
            response.Usage?.OutputTokenCount ?? 0,
            Stopwatch.GetElapsedTime(started));
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var tracked = TrackedCase.Current;
        var started = Stopwatch.GetTimestamp();
        string? model = null;
        long inputTokens = 0;
        long outputTokens = 0;
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                if (tracked is not null)
                {
                    model = update.ModelId ?? model;
                    foreach (var content in update.Contents)
                    {
                        if (content is UsageContent usage)
                        {
                            inputTokens += usage.Details.InputTokenCount ?? 0;
                            outputTokens += usage.Details.OutputTokenCount ?? 0;
                        }
                    }
                }

                yield return update;
            }
        }
        finally
        {
            // Also when the caller stops early or the stream fails: the tokens seen so far were spent.
            tracked?.RecordAiUsage(model ?? ModelOf(options), inputTokens, outputTokens, Stopwatch.GetElapsedTime(started));
        }
    }

    private string ModelOf(ChatOptions? options) => options?.ModelId ?? DefaultModel() ?? UnknownModel;

    private string? DefaultModel()
    {
        if (!_defaultModelRead)
        {
            _defaultModel = InnerClient.GetService<ChatClientMetadata>()?.DefaultModelId;
            _defaultModelRead = true;
        }

        return _defaultModel;
    }
}
