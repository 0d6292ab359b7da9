import CGSL

/// GSL's default error handler aborts the process on a domain error. This
/// module validates its inputs before every GSL call, so the handler is
/// switched off once, lazily and thread-safely (Swift initialises globals
/// atomically on first use). Touch it before calling GSL:
/// `_ = gslErrorHandlerDisabled`.
let gslErrorHandlerDisabled: Void = {
    _ = gsl_set_error_handler_off()
}()
