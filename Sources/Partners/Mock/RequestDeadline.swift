/// The race between a request's handler and its deadline, as a state machine over any clock:
/// whichever of the answer and the deadline comes first decides what the client gets, once.
///
/// The server arms a scheduled task for `deadline` when the handler starts; the task calls
/// `fire(now:)`. A timer that fires early (its clock and this one drift) is told to fire again.
///
/// ```swift
/// var race = RequestDeadline(deadline: clock.now.advanced(by: .seconds(5)))
/// if case .expire = race.fire(now: clock.now) { answer503() }
/// if race.answer() { send(answer) }   // false: the 503 went first, the late answer is dropped
/// ```
struct RequestDeadline<Instant: InstantProtocol>: Sendable {
    /// Where the race stands.
    enum State: Equatable, Sendable {
        /// The handler is running and the deadline has not passed.
        case running
        /// The handler answered first; its answer is what the client gets.
        case answered
        /// The deadline passed first; the client gets the deadline's answer.
        case expired
        /// The request was cancelled first (its server is stopping): nobody gets an answer.
        case cancelled
    }

    /// What a scheduled check asks its caller to do.
    enum FireAction: Equatable, Sendable {
        /// Answer the request as past its deadline.
        case expire
        /// The deadline is still ahead: check again at this instant.
        case fireAgain(at: Instant)
        /// The race is decided already: nothing to do.
        case nothing
    }

    let deadline: Instant
    private(set) var state = State.running

    init(deadline: Instant) {
        self.deadline = deadline
    }

    /// The handler answered: true when its answer is the one to send.
    mutating func answer() -> Bool {
        guard state == .running else { return false }
        state = .answered
        return true
    }

    /// The handler answered at `now`, with no timer armed (it ran inline): true when it answered
    /// before the deadline; past it the request expires and the answer is dropped.
    mutating func answer(at now: Instant) -> Bool {
        guard state == .running else { return false }
        state = now < deadline ? .answered : .expired
        return state == .answered
    }

    /// The request's task was cancelled: true when that decides the race.
    mutating func cancel() -> Bool {
        guard state == .running else { return false }
        state = .cancelled
        return true
    }

    /// The scheduled check ran at `now`.
    mutating func fire(now: Instant) -> FireAction {
        guard state == .running else { return .nothing }
        guard now >= deadline else { return .fireAgain(at: deadline) }
        state = .expired
        return .expire
    }
}
