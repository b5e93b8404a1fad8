"""The account service of the expert-mode professional account procedure.

Plain Python (no Rasa import): validation rules, registrations, activation codes, subscriber
numbers, CAPTCHA, mail and the summary PDF. The Rasa actions, the web page, the support command
line and the tests all go through `AccountService`.
"""
