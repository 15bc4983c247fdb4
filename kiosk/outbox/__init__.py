"""What a reception billed without a fresh qualification result leaves for the レセコン: a JSON record in
the outbox folder (docs/outbox.md) and, when the patient filled in a 被保険者資格申立書, the form as a PDF
for the clinic's paper file."""
