namespace Competition.Engine.Practice;

public enum PracticeMode
{
    InOrder = 1,        // 顺序练习
    Random = 2,         // 随机练习
    KnowledgePoint = 3, // 按知识点
    WrongBook = 4,      // 错题本
    MockExam = 5,       // 模拟考试 (an exam attempt of a practice exam)
}
