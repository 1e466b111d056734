using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Competition.Tests.Integration.Access;

/// <summary>
/// Everything a caller can reach, read from the running app: every endpoint in its <see cref="EndpointDataSource"/> as
/// "METHOD pattern", every Razor page handler as "PAGE METHOD /Path[?handler=Name]", and every public hub method as
/// "HUB Hub.Method". A new endpoint, page, handler or hub method shows up here without anyone listing it.
/// </summary>
public static class EndpointCatalog
{
    public static async Task<SortedSet<string>> KeysAsync(IServiceProvider services)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var loader = services.GetRequiredService<PageLoader>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // A page renders on GET even without an OnGet handler.
                keys.Add($"PAGE GET {page.ViewEnginePath}");
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                    keys.Add($"PAGE {handler.HttpMethod.ToUpperInvariant()} {page.ViewEnginePath}{(handler.Name is { } name ? "?handler=" + name : "")}");
                continue;
            }
            if (endpoint.Metadata.GetMetadata<HubMetadata>() is { } hub)
                foreach (var method in hub.HubType.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName))
                    keys.Add($"HUB {hub.HubType.Name}.{method.Name}");
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (var method in methods) keys.Add($"{method} {pattern}");
        }
        return keys;
    }
}
