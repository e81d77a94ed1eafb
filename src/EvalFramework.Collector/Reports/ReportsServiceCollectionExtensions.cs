using EvalFramework.Collector.Reports;
using EvalFramework.Contract;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the report pages' options (<c>Reports</c> section) and access rule.</summary>
internal static class ReportsServiceCollectionExtensions
{
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.SectionName))
            .Validate(o => o.PublicPilots.All(p => p == "*" || EventValidator.IsPilotSlug(p)),
                "Reports:PublicPilots: each entry must be a pilot slug ([a-z0-9][a-z0-9-]{0,62}) or *")
            .ValidateOnStart();
        services.AddSingleton<ReportAccess>();
        return services;
    }
}
