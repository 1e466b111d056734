namespace Competition.Engine.Exams;

/// <summary>What happens to an attempt nobody submitted when its time is up (after Moodle's quiz).</summary>
public enum OverdueHandling
{
    AutoSubmit = 1,  // submitted with the answers saved so far
    GracePeriod = 2, // answers still accepted for the grace minutes, then submitted
    Abandon = 3,     // not submitted: no score
}

public enum MultipleChoiceScoring { AllOrNothing = 1, PartialCredit = 2 }

public enum ExamStatus { Draft = 1, Published = 2, Closed = 3 }

public enum AttemptState { NotStarted = 0, InProgress = 1, Overdue = 2, Submitted = 3, Abandoned = 4 }

/// <summary>What a worker sees after submitting.</summary>
[Flags]
public enum ReviewOptions { None = 0, Score = 1, Key = 2, Explanations = 4 }
