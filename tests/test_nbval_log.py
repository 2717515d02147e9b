"""The kit's conftest.py: nbval formats a kernel's message for its debug log only when that log is written."""

import logging
import pprint

from nbval import kernel


class Counted:
    formatted = 0

    def __repr__(self) -> str:
        Counted.formatted += 1
        return "counted"


def test_a_message_is_not_formatted_for_a_log_that_is_switched_off():
    assert not kernel.logger.isEnabledFor(logging.DEBUG)
    Counted.formatted = 0
    kernel.logger.debug("Kernel message (%s):\n%s", "iopub", kernel.pformat({"content": Counted()}))
    assert Counted.formatted == 0


def test_a_message_is_formatted_as_before_when_the_log_is_written(caplog):
    message = {"msg_type": "stream", "content": {"name": "stdout", "text": "x" * 200}}
    with caplog.at_level(logging.DEBUG, logger="nbval"):
        kernel.logger.debug("Kernel message (%s):\n%s", "iopub", kernel.pformat(message))
    assert pprint.pformat(message) in caplog.text
