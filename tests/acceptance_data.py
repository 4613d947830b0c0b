"""An acceptance (验收) as a manager records it when closing a problem, for tests that close."""
ACCEPTED = {"accepted_by": "赵志强", "accepted_unit": "临汾市生态环境局曲沃分局",
            "opinion": "经现场核查，已按要求整改到位，同意销号"}
