#!/bin/sh
# A deliberately wrong DataPump client: it forgets the convenience fee, so the payment's
# bill_amount_paid is the whole amount charged. Its scenario must fail on bill_amount_paid.
PAYMENT_FEE=0.00 exec "$(dirname "$0")/post-payment.sh"
