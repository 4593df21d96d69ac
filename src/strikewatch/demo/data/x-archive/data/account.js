window.YTD.account.part0 = [
  {
    "account": {
      "email": "demo@example.org",
      "createdVia": "web",
      "username": "demo_north_monitor",
      "accountId": "1000000007",
      "createdAt": "2016-03-01T09:00:00.000Z",
      "accountDisplayName": "Demo North Monitor (invented)"
    }
  }
]
