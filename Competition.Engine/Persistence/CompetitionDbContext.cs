using Competition.Engine.Accounts;
using Competition.Engine.Contests;
using Competition.Engine.Exams;
using Competition.Engine.Judging;
using Competition.Engine.Practice;
using Competition.Engine.Organizations;
using Competition.Engine.QuestionBank;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Persistence;

public sealed class CompetitionDbContext(DbContextOptions<CompetitionDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<City> Cities => Set<City>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Worker> Workers => Set<Worker>();
    public DbSet<Trade> Trades => Set<Trade>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionVersion> QuestionVersions => Set<QuestionVersion>();
    public DbSet<BankImport> BankImports => Set<BankImport>();
    public DbSet<Exam> Exams => Set<Exam>();
    public DbSet<Paper> Papers => Set<Paper>();
    public DbSet<Attempt> Attempts => Set<Attempt>();
    public DbSet<AttemptAnswer> AttemptAnswers => Set<AttemptAnswer>();
    public DbSet<PracticeSession> PracticeSessions => Set<PracticeSession>();
    public DbSet<PracticeRecord> PracticeRecords => Set<PracticeRecord>();
    public DbSet<WrongBookEntry> WrongBookEntries => Set<WrongBookEntry>();
    public DbSet<Contest> Contests => Set<Contest>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<Contestant> Contestants => Set<Contestant>();
    public DbSet<PracticalTask> PracticalTasks => Set<PracticalTask>();
    public DbSet<JudgeAssignment> JudgeAssignments => Set<JudgeAssignment>();
    public DbSet<ItemMark> ItemMarks => Set<ItemMark>();
    public DbSet<MarkAudit> MarkAudits => Set<MarkAudit>();
    public DbSet<TaskSignOff> TaskSignOffs => Set<TaskSignOff>();
    public DbSet<Rankings.ResultVersion> ResultVersions => Set<Rankings.ResultVersion>();
    public DbSet<Rankings.ResultObjection> ResultObjections => Set<Rankings.ResultObjection>();
    public DbSet<Rankings.Certificate> Certificates => Set<Rankings.Certificate>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CompetitionDbContext).Assembly);
        builder.Entity<AppUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(64).IsRequired();
            b.Property(u => u.CityCode).HasMaxLength(32);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Every DateTime is UTC; PostgreSQL's timestamptz insists on it and SQLite would otherwise lose the kind.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
