import Testing

@testable import Partners

/// The race between a handler's answer and its deadline, on a clock the test moves by hand.
@Suite struct RequestDeadlineTests {
    /// An instant on a clock of whole milliseconds that only the test advances.
    struct Tick: InstantProtocol {
        var milliseconds: Int

        func advanced(by duration: Duration) -> Tick { Tick(milliseconds: milliseconds + Int(duration / .milliseconds(1))) }
        func duration(to other: Tick) -> Duration { .milliseconds(other.milliseconds - milliseconds) }
        static func < (lhs: Tick, rhs: Tick) -> Bool { lhs.milliseconds < rhs.milliseconds }
    }

    /// The instant `milliseconds` after the start.
    func at(_ milliseconds: Int) -> Tick { Tick(milliseconds: milliseconds) }

    @Test func `an answer before the deadline is sent, and the timer firing later does nothing`() {
        var race = RequestDeadline(deadline: at(100))
        let sent = race.answer()
        let fired = race.fire(now: at(100))
        #expect(sent)
        #expect(fired == .nothing)
        #expect(race.state == .answered)
    }

    @Test func `the deadline passing first expires the request, and the late answer is dropped`() {
        var race = RequestDeadline(deadline: at(100))
        let fired = race.fire(now: at(100))
        let sent = race.answer()
        let firedAgain = race.fire(now: at(200))
        #expect(fired == .expire)
        #expect(!sent)
        #expect(firedAgain == .nothing)
        #expect(race.state == .expired)
    }

    @Test func `a timer that fires early is told to fire again at the deadline`() {
        var race = RequestDeadline(deadline: at(100))
        let early = race.fire(now: at(99))
        let stateAfterEarly = race.state
        let late = race.fire(now: at(150))
        #expect(early == .fireAgain(at: at(100)))
        #expect(stateAfterEarly == .running)
        #expect(late == .expire)
    }

    @Test func `a cancelled request takes neither the answer nor the deadline`() {
        var race = RequestDeadline(deadline: at(100))
        let cancelled = race.cancel()
        let sent = race.answer()
        let fired = race.fire(now: at(100))
        #expect(cancelled)
        #expect(!sent)
        #expect(fired == .nothing)
        #expect(race.state == .cancelled)
    }

    @Test func `an answer timed in place counts before the deadline and expires the request after it`() {
        var early = RequestDeadline(deadline: at(100))
        var late = RequestDeadline(deadline: at(100))
        let sentEarly = early.answer(at: at(99))
        let sentLate = late.answer(at: at(100))
        #expect(sentEarly)
        #expect(early.state == .answered)
        #expect(!sentLate)
        #expect(late.state == .expired)
    }

    @Test func `only the first answer counts`() {
        var race = RequestDeadline(deadline: at(100))
        let first = race.answer()
        let second = race.answer()
        #expect(first)
        #expect(!second)
    }
}
