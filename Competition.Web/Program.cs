using Competition.Web.Accounts;
using Competition.Web.Common;
using Competition.Web.Exams;
using Competition.Web.Contests;
using Competition.Web.Organizations;
using Competition.Web.Practice;
using Competition.Web.QuestionBank;
using Competition.Web.Rankings;

// Command-line verbs (banks validate/import/synth, admin create) run without starting the web server.
if (CommandLine.IsVerb(args)) return await CommandLine.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddCompetitionServices();

var app = builder.Build();
await StartupTasks.RunAsync(app);

app.UseResponseCompression();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseCompetitionErrorPages();
app.UseRequestLocalization();
app.UseCachedStaticFiles();
app.UseMiddleware<CrossSiteRequestGuard>();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapRazorPages();
app.MapCultureEndpoints();
app.MapAccountEndpoints();
app.MapOrganizationEndpoints();
app.MapQuestionBankEndpoints();
app.MapExamEndpoints();
app.MapPracticeEndpoints();
app.MapContestEndpoints();
app.MapCertificateEndpoints();
app.MapHub<Competition.Web.Scoreboards.ScoreboardHub>("/hubs/scoreboard");
app.MapOpenApi();   // /openapi/v1.json; the 接口文档 page (/Docs/Api) lists it for people
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.Run();
return 0;

public partial class Program;
