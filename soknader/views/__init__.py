"""The søker's pages, by page group. Views are thin: they read through `selectors`, write through `services`, and
turn what those refuse into messages next to the fields.

- `start`: the søker's applications, a new application, a copy
- `seksjoner`: the task list and the form's sections
- `arenaer`: the learning arenas (one, all, the live LM reading, the file in and out)
- `innsending`: check answers and submit, the receipt, the status page, withdraw, delete a draft
- `dialog`: the answer to an anmodning, sent with the updated application in one step
- `filer`: the case's PDFs and attachments
- `common`: what they share
"""
