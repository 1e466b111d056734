namespace Competition.Engine.Practice;

/// <summary>How a worker judged their own short answer against the reference answer.</summary>
public enum SelfAssessment { Right = 1, Partly = 2, Wrong = 3 }
