namespace Org.Apache.Rocketmq
{
    // Test hooks, not in the real client.
    public partial class Transaction
    {
        private TransactionResolution? _resolution;

        /// <summary>
        /// Test hook, not in the real client: <see cref="TransactionResolution.Commit"/> or
        /// <see cref="TransactionResolution.Rollback"/> once <see cref="Commit"/> or <see cref="Rollback"/>
        /// succeeded (the last one wins); null before.
        /// </summary>
        public TransactionResolution? ResolutionForTest
        {
            get
            {
                lock (_lock)
                {
                    return _resolution;
                }
            }
        }

        /// <summary>Test hook, not in the real client: the message sent in this transaction; null before a send.</summary>
        public Message? MessageForTest
        {
            get
            {
                lock (_lock)
                {
                    return _messages.Count > 0 ? _messages[0] : null;
                }
            }
        }

        /// <summary>Test hook, not in the real client: the receipt of the transaction's send; null until it succeeded.</summary>
        public SendReceipt? ReceiptForTest
        {
            get
            {
                lock (_lock)
                {
                    return _receipts.Count > 0 ? _receipts[0].Value : null;
                }
            }
        }

        private void RecordResolutionForTest(TransactionResolution resolution)
        {
            lock (_lock)
            {
                _resolution = resolution;
            }
        }
    }
}
