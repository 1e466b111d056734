using System.Globalization;
using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Quartz;

namespace Competition.Web.Common;

public static class ServiceRegistration
{
    public const string OrganizerPolicy = "Organizer";

    /// <summary>Everything the engine needs, shared by the web host and the command-line verbs.</summary>
    public static IServiceCollection AddCompetitionCore(this IServiceCollection services, IConfiguration config)
    {
        services.AddCompetitionDatabase(sp => sp.GetRequiredService<IConfiguration>().GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Competition.Engine.QuestionBank.QuestionCatalog>();
        services.AddSingleton<Competition.Engine.Exams.PaperCache>();
        services.AddSingleton<Competition.Engine.Exams.AttemptDirectory>();
        services.AddSingleton<Competition.Engine.Exams.AnswerWriter>();
        services.AddSingleton<Competition.Engine.Scoreboards.ScoreboardProjection>();
        // 公示 periods count working days: weekends off, plus the year's statutory holidays and 调休 days from settings
        // ("Results:Holidays" / "Results:MakeUpDays", lists of yyyy-MM-dd), which the State Council publishes each year.
        services.AddSingleton(sp =>
        {
            var section = sp.GetRequiredService<IConfiguration>().GetSection("Results");
            HashSet<DateOnly> Days(string key) => (section.GetSection(key).Get<string[]>() ?? []).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd")).ToHashSet();
            return new Competition.Engine.Rankings.WorkingDays(Days("Holidays"), Days("MakeUpDays"));
        });
        services.AddCompetitionMediator(typeof(CompetitionDbContext).Assembly, typeof(ServiceRegistration).Assembly);
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                // PasswordRule is the rule (length, a letter and a digit); Identity's own checks stay within it.
                o.Password.RequiredLength = PasswordRule.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<CompetitionDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRuleValidator>()
            .AddClaimsPrincipalFactory<Competition.Web.Accounts.AppClaimsFactory>();
        return services;
    }

    /// <summary>The system clock under a type of its own: Quartz treats <see cref="TimeProvider.System"/> itself as "not chosen" and falls back to the container's.</summary>
    private sealed class WallClock : TimeProvider;

    private static void AddClockJob<TJob>(IQuartzBuilder q, JobKey key, double everySeconds) where TJob : IJob
    {
        q.AddJob<TJob>(j => j.WithIdentity(key));
        q.AddTrigger(t => t.ForJob(key).StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(everySeconds)).RepeatForever()));
    }

    public static void AddCompetitionServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCompetitionCore(builder.Configuration);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // APIs answer 401/403 instead of redirecting to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => Deny(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Deny(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(OrganizerPolicy, p => p.RequireRole(Roles.Organizer, Roles.Admin));
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/QuestionBank", OrganizerPolicy);
            o.Conventions.AuthorizeFolder("/Organizations", OrganizerPolicy);
            o.Conventions.AuthorizeFolder("/Exams");
            o.Conventions.AuthorizeFolder("/Exams/Manage", OrganizerPolicy);
            // Any signed-in account may open the drill pages; non-workers get the engine's refusal as the page's message.
            o.Conventions.AuthorizeFolder("/Practice");
            o.Conventions.AuthorizeFolder("/Judging");
            // Results are managed and signed by staff (the engine says which); /Results, the public notice, needs no sign-in.
            o.Conventions.AuthorizeFolder("/Rankings");
        }).AddViewLocalization()
          .AddMvcOptions(o => o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true); // the engine's validators say what is missing, in Chinese
        // Quartz keeps schedulers in a process-wide registry by name; hosts sharing a process (tests, benchmarks) need their own.
        // A named scheduler: its clock below is its own, whatever TimeProvider the container holds (a test's fake clock).
        services.AddQuartz($"competition-{Guid.NewGuid():N}", q =>
        {
            // Quartz would otherwise take the container's TimeProvider: "every second" is real time, while what is due is
            // the app's time, which each command reads itself. (On a test's fake clock, triggers fired only when the test
            // moved the clock, and a jump of minutes counted as a misfire and was skipped.)
            q.UseTimeProvider(new WallClock());
            // Each concern its own job and trigger: a failure or a slow run of one never holds up the other.
            AddClockJob<Competition.Web.Exams.CloseDueAttemptsJob>(q, Competition.Web.Exams.CloseDueAttemptsJob.Key, builder.Configuration.GetValue("Exams:CloseEverySeconds", 1.0));
            AddClockJob<Competition.Web.Contests.MoveContestsJob>(q, Competition.Web.Contests.MoveContestsJob.Key, builder.Configuration.GetValue("Contests:ClockEverySeconds", 1.0));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddSingleton<Competition.Engine.Scoreboards.IScoreboardPublisher, Competition.Web.Scoreboards.ScoreboardBroadcaster>();
        services.AddProblemDetails();
        services.AddStaticAssetCompression();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddExceptionHandler<EngineExceptionHandler>();
        services.AddCompetitionRateLimits();
        services.AddSingleton<Competition.Web.Accounts.SignInGate>();
        // Unreadable JSON bodies throw (in every environment) so the handler can name the field instead of an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = o.SupportedUICultures = [new CultureInfo("zh-CN"), new CultureInfo("en")];
            // zh-CN first: the language is the user's explicit choice (the switch on every page, kept in a cookie),
            // never the browser's Accept-Language, which is English on many phones and kiosks in Chinese venues.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        // Pages keep their Chinese text as the key (@L["…"]); English lives beside it in Resources/<page path>.en.resx.
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Our own size check answers a too-large upload with a clear message, so the server lets it through first.
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = 64L * 1024 * 1024);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64L * 1024 * 1024);
    }

    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
