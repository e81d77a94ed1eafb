using EvalFramework.Contract;
using Microsoft.Extensions.Options;

namespace EvalFramework;

/// <summary>Checks <see cref="EvalFrameworkOptions"/>; every message starts with the option key it concerns.</summary>
internal sealed class EvalFrameworkOptionsValidator : IValidateOptions<EvalFrameworkOptions>
{
    internal const int MinPseudonymKeyLength = 16;
    internal const long MinSpillBytes = 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, EvalFrameworkOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every problem of <paramref name="options"/>, all at once; empty when they are valid.</summary>
    internal static List<string> Check(EvalFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var prefix = nameof(EvalFrameworkOptions) + ":";

        if (options.CollectorUri is null)
        {
            errors.Add(prefix + nameof(EvalFrameworkOptions.CollectorUri) + " is required, e.g. http://127.0.0.1:5080/");
        }
        else if (!options.CollectorUri.IsAbsoluteUri || options.CollectorUri.Scheme is not ("http" or "https"))
        {
            errors.Add(prefix + nameof(EvalFrameworkOptions.CollectorUri) + " must be an absolute http or https address");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            errors.Add(prefix + nameof(EvalFrameworkOptions.ApiKey) + " is required");
        }
        else if (options.ApiKey.Any(char.IsControl))
        {
            errors.Add(prefix + nameof(EvalFrameworkOptions.ApiKey) + " must not contain control characters");
        }

        if (options.Pilot is null)
        {
            errors.Add(prefix + nameof(EvalFrameworkOptions.Pilot) + " is required (the pilot's slug)");
        }
        else if (!EventValidator.IsPilotSlug(options.Pilot))
        {
            errors.Add(prefix + nameof(EvalFrameworkOptions.Pilot) + " must be a slug of 1–63 characters: a-z or 0-9 first, then a-z, 0-9 or '-'");
        }

        if (options.PseudonymKey is null)
        {
            errors.Add(prefix + nameof(EvalFrameworkOptions.PseudonymKey) + " is required (a secret of at least 16 characters)");
        }
        else if (options.PseudonymKey.Length < MinPseudonymKeyLength)
        {
            errors.Add(prefix + nameof(EvalFrameworkOptions.PseudonymKey) + " must be at least 16 characters");
        }

        if (options.QueueCapacity < 1)
        {
            errors.Add(prefix + nameof(EvalFrameworkOptions.QueueCapacity) + " must be at least 1");
        }

        if (options.MaxBatchSize is < 1 or > EventBatch.MaxEvents)
        {
            errors.Add(prefix + nameof(EvalFrameworkOptions.MaxBatchSize) + " must be from 1 to 1000");
        }

        RequirePositive(errors, prefix + nameof(EvalFrameworkOptions.FlushInterval), options.FlushInterval);
        RequirePositive(errors, prefix + nameof(EvalFrameworkOptions.RequestTimeout), options.RequestTimeout);
        RequirePositive(errors, prefix + nameof(EvalFrameworkOptions.MaxRetryDelay), options.MaxRetryDelay);
        if (options.ShutdownTimeout < TimeSpan.Zero || options.ShutdownTimeout > TimeSpan.FromDays(1))
        {
            errors.Add(prefix + nameof(EvalFrameworkOptions.ShutdownTimeout) + " must be from zero to one day");
        }

        if (options.SpillDirectory is not null && (string.IsNullOrWhiteSpace(options.SpillDirectory) || options.SpillDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
        {
            errors.Add(prefix + nameof(EvalFrameworkOptions.SpillDirectory) + " must be a folder path, or null to keep events in memory only");
        }

        if (options.MaxSpillBytes < MinSpillBytes)
        {
            errors.Add(prefix + nameof(EvalFrameworkOptions.MaxSpillBytes) + " must be at least 1048576 (1 MiB)");
        }

        CheckAssignment(errors, prefix, options);
        return errors;
    }

    /// <summary>The assignment settings: none at all, or a salt, the arms with their shares and a unit.</summary>
    private static void CheckAssignment(List<string> errors, string prefix, EvalFrameworkOptions options)
    {
        var arms = options.AssignmentArms;
        if (!AssignmentUnits.All.Contains(options.AssignmentUnit ?? ""))
        {
            errors.Add(prefix + nameof(EvalFrameworkOptions.AssignmentUnit) + " must be one of " + string.Join(", ", AssignmentUnits.All));
        }

        if (options.AssignmentSalt is null)
        {
            if (arms is { Count: > 0 })
            {
                errors.Add(prefix + nameof(EvalFrameworkOptions.AssignmentSalt) + " is required when AssignmentArms are set");
            }

            return;
        }

        if (options.AssignmentSalt.Length < MinPseudonymKeyLength)
        {
            errors.Add(prefix + nameof(EvalFrameworkOptions.AssignmentSalt) + " must be at least 16 characters");
        }
        else if (options.AssignmentSalt == options.PseudonymKey)
        {
            errors.Add(prefix + nameof(EvalFrameworkOptions.AssignmentSalt) + " must differ from PseudonymKey");
        }

        var key = prefix + nameof(EvalFrameworkOptions.AssignmentArms);
        if (arms is null || arms.Count == 0)
        {
            errors.Add(key + " is required with AssignmentSalt: the pilot's arms with their shares, in the config's order");
            return;
        }

        for (var i = 0; i < arms.Count; i++)
        {
            var at = $"{key}[{i}]";
            if (arms[i]?.Name is not { } name || !EventValidator.IsSlug(name))
            {
                errors.Add(at + ".Name must be the arm's slug");
            }
            else if (arms.Take(i).Any(a => a?.Name == name))
            {
                errors.Add(at + ".Name repeats an arm");
            }

            if (arms[i] is { } arm && !(arm.Share is >= 0 and <= 1))
            {
                errors.Add(at + ".Share must be from 0 to 1");
            }
        }

        var total = arms.Sum(a => a?.Share ?? 0);
        if (arms.All(a => a is not null && a.Share is >= 0 and <= 1) && Math.Abs(total - 1) > 1e-6)
        {
            errors.Add(key + " shares must sum to 1");
        }
    }

    private static void RequirePositive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
        {
            errors.Add(key + " must be greater than zero and at most one day");
        }
    }
}
