using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Common;
using Microsoft.EntityFrameworkCore;

namespace Competition.Tests.Integration.Organizations;

/// <summary>Unit names are unique per city whatever the spacing, case or width; a clash is a 409 (or a form error), never a 500.</summary>
public class UnitNameTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static string NewName() => "单位" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<Guid> CreateAsync(HttpClient organizer, string name)
    {
        var res = await organizer.PostAsJsonAsync("/api/units", new { cityCode = "maanshan", name, kind = "Enterprise" });
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<string> NameAsync(AppFactory app, Guid id)
    {
        await using var db = app.Database.NewContext();
        return (await db.Units.AsNoTracking().SingleAsync(u => u.Id == id)).Name;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RenameToAnExistingName_Is409WithTheName_AndChangesNothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var taken = NewName();
        await CreateAsync(organizer, taken);
        var mine = NewName();
        var id = await CreateAsync(organizer, mine);

        foreach (var variant in new[] { taken, " " + taken + " ", taken.Insert(2, " "), taken.Insert(2, "\u3000"), taken + "\u200b", taken.ToUpperInvariant() })
        {
            var res = await organizer.PutAsJsonAsync($"/api/units/{id}", new { name = variant });
            var body = await res.Content.ReadAsStringAsync();
            res.StatusCode.ShouldBe(HttpStatusCode.Conflict, $"{variant}: {body}");
            body.ShouldContain($"本市已有名为「{taken}」的单位");
        }
        (await NameAsync(app, id)).ShouldBe(mine);

        // Renaming to a variant of its own name is allowed (and cleaned).
        (await organizer.PutAsJsonAsync($"/api/units/{id}", new { name = " " + mine.ToUpperInvariant() + "\u200b" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await NameAsync(app, id)).ShouldBe(mine.ToUpperInvariant());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreatingAVariantOfAnExistingName_Is409(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var name = "Baosteel " + Guid.NewGuid().ToString("N")[..6];
        await CreateAsync(organizer, name);
        await using var db = app.Database.NewContext();
        var before = await db.Units.CountAsync();
        foreach (var variant in new[] { name, name.ToLowerInvariant(), name.Replace(" ", ""), name.Replace(" ", "  "), "\ufeff" + name })
        {
            var res = await organizer.PostAsJsonAsync("/api/units", new { cityCode = "maanshan", name = variant, kind = "Enterprise" });
            res.StatusCode.ShouldBe(HttpStatusCode.Conflict, variant);
        }
        (await db.Units.CountAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnitsPage_RenamesAndShowsAClashAsAFormError(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var taken = NewName();
        await CreateAsync(organizer, taken);
        var id = await CreateAsync(organizer, NewName());

        var clash = await PageForms.PostAsync(organizer, "/Organizations/Units", [("newName", taken)], $"Rename&id={id}");
        clash.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await PageForms.TextAsync(clash)).ShouldContain($"本市已有名为「{taken}」的单位");

        var tooLong = await PageForms.PostAsync(organizer, "/Organizations/Units", [("newName", new string('长', 129))], $"Rename&id={id}");
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PageForms.TextAsync(tooLong)).ShouldContain("单位名称不能超过 128 个字");

        var renamed = NewName();
        var ok = await PageForms.PostAsync(organizer, "/Organizations/Units", [("newName", renamed)], $"Rename&id={id}");
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await NameAsync(app, id)).ShouldBe(renamed);

        var create = await PageForms.PostAsync(organizer, "/Organizations/Units", [("CityCode", "maanshan"), ("Name", taken + " "), ("Kind", "Enterprise")]);
        create.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await PageForms.TextAsync(create)).ShouldContain($"本市已有名为「{taken}」的单位");
    }
}
