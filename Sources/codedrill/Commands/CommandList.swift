import ArgumentParser

/// Every subcommand, in the order `codedrill help` lists them. Add new commands here.
let commandList: [ParsableCommand.Type] = [
    DrillCommand.self,
    ExamCommand.self,
    StatsCommand.self,
    LintCommand.self,
    LibraryCommand.self,
    LearnerCommand.self,
    DatabaseCommand.self,
    FSRSCommand.self,
    OptimizeCommand.self,
    QuestionsCommand.self,
    BankCommand.self,
    ReportCommand.self,
    ResultsCommand.self,
    ContentCommand.self,
]
