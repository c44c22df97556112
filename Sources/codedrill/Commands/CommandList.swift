import ArgumentParser

/// Every subcommand, in the order `codedrill help` lists them. Add new commands here.
let commandList: [ParsableCommand.Type] = [
    LintCommand.self,
    QuestionsCommand.self,
]
