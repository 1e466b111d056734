using System.Reflection;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Competition.Engine.Common;

/// <summary>
/// MediatR 5.1.0 ships no DI package: handlers, notification handlers, validators and behaviours written for one
/// request type are found by scanning, and the mediator resolves them through a <see cref="ServiceFactory"/> over the container.
/// </summary>
public static class MediatorRegistration
{
    private static readonly Type[] Scanned =
        [typeof(IRequestHandler<,>), typeof(INotificationHandler<>), typeof(IValidator<>), typeof(IPipelineBehavior<,>)];

    public static IServiceCollection AddCompetitionMediator(this IServiceCollection services, params Assembly[] assemblies)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));

        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && Scanned.Contains(i.GetGenericTypeDefinition())))
            services.AddScoped(contract, type);
        return services;
    }
}
