class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount
        return self.balance


def process(accounts, amounts):
    return [a.withdraw(x) for a, x in zip(accounts, amounts)]


print(process([Account(10)], [5]))
process([Account(10), Account(1)], [5, 2])
